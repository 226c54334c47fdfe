// The incident list under load (`vigil bench --api`): a version number of the incidents table
// that every statement writing to it raises, so that counts of the list's total can be kept
// until the next write (src/store/store.ts), and an index for the map's area filter.
import { sql, type Kysely } from 'kysely';

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
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('incidents_by_place_idx').ifExists().execute();
  await sql`drop trigger if exists incidents_version on incidents`.execute(db);
  await sql`drop function if exists raise_incidents_version()`.execute(db);
  await db.schema.dropTable('data_versions').ifExists().execute();
}
