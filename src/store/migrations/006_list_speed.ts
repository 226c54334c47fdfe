// The incident list under load (`vigil bench --api`): a version number of the incidents table
// that every statement writing to it raises, so that counts of the list's total can be kept
// until the next write (src/store/store.ts); an index for every sort order and for the map's
// area; and the free-text search document stored, so that a filter reads it instead of
// building it again for each row it looks at.
import { sql, type Kysely } from 'kysely';
import { SEARCH_DOCUMENT_SQL } from './005_users.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into data_versions (name, version) values ('incidents', 0)`.execute(db);
  // Statement-level: one raise per insert, update, delete or truncate, whatever the rows. The
  // table is named through the trigger's own schema, so it holds whatever the search path.
  await sql`
    create function raise_incidents_version() returns trigger language plpgsql as $$
    begin
      execute format('update %I.data_versions set version = version + 1 where name = %L', tg_table_schema, 'incidents');
      return null;
    end $$`.execute(db);
  await sql`create trigger incidents_version after insert or update or delete or truncate on incidents for each statement execute function raise_incidents_version()`.execute(db);
  // The map's visible area: a latitude range, then longitudes read from the index alone.
  await db.schema.createIndex('incidents_by_place_idx').on('incidents').columns(['latitude', 'longitude']).execute();
  // The sort orders that had none (src/store/incident-query.ts, SORT_EXPRESSIONS).
  await db.schema.createIndex('incidents_by_updated_idx').on('incidents').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('incidents_by_event_type_idx').on('incidents').columns(['event_type', 'id']).execute();
  await db.schema.createIndex('incidents_by_country_name_idx').on('incidents').expression(sql`lower(coalesce(country, '')), id`).execute();
  // The event type filter in date order (and the statistics that tell the planner how many rows it keeps).
  await db.schema.createIndex('incidents_by_type_idx').on('incidents').expression(sql`lower(event_type), coalesce(event_date, ''), id`).execute();
  await sql`alter table incidents add column search_document tsvector generated always as (${sql.raw(SEARCH_DOCUMENT_SQL)}) stored`.execute(db);
  await db.schema.dropIndex('incidents_search_idx').execute();
  await db.schema.createIndex('incidents_search_document_idx').on('incidents').using('gin').column('search_document').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incidents').dropColumn('search_document').execute();
  await db.schema.createIndex('incidents_search_idx').on('incidents').using('gin').expression(sql.raw(SEARCH_DOCUMENT_SQL)).execute();
  for (const index of ['incidents_by_updated_idx', 'incidents_by_event_type_idx', 'incidents_by_country_name_idx', 'incidents_by_type_idx']) await db.schema.dropIndex(index).ifExists().execute();
  await db.schema.dropIndex('incidents_by_place_idx').ifExists().execute();
  await sql`drop trigger if exists incidents_version on incidents`.execute(db);
  await sql`drop function if exists raise_incidents_version()`.execute(db);
  await db.schema.dropTable('data_versions').ifExists().execute();
}
