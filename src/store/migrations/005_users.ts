// Users and access: accounts with a role, browser sessions, API tokens for scripts, server-wide
// settings, and each incident's review status (new until an analyst accepts or rejects it).
import { sql, type Kysely } from 'kysely';

/**
 * The words the list's free-text filter searches (src/store/incident-query.ts): place, actors,
 * types and notes, as one text-search document with a GIN index. A query must use this exact
 * expression for the index to serve it.
 */
export const SEARCH_DOCUMENT_SQL =
  "to_tsvector('simple', coalesce(location, '') || ' ' || coalesce(admin1, '') || ' ' || coalesce(country, '') || ' ' || coalesce(actor1, '') || ' ' || coalesce(actor2, '') || ' ' || event_type || ' ' || sub_event_type || ' ' || notes)";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Only hashes of the secrets are stored: a copy of the database signs nobody in.
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('api_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('incidents').addColumn('review_status', 'text', (c) => c.notNull().defaultTo('new')).execute();
  await db.schema.alterTable('incidents').addColumn('reviewed_by', 'text').execute();
  await db.schema.alterTable('incidents').addColumn('reviewed_at', 'text').execute();
  // The list's sort orders (src/store/incident-query.ts) and its most used filters; see `npm run bench`.
  await db.schema.createIndex('incidents_by_date_idx').on('incidents').expression(sql`coalesce(event_date, ''), id`).execute();
  await db.schema.createIndex('incidents_by_fatalities_idx').on('incidents').expression(sql`coalesce(fatalities_best, -1), id`).execute();
  await db.schema.createIndex('incidents_by_country_idx').on('incidents').expression(sql`lower(country), coalesce(event_date, ''), id`).execute();
  await db.schema.createIndex('incidents_search_idx').on('incidents').using('gin').expression(sql.raw(SEARCH_DOCUMENT_SQL)).execute();
  await db.schema.createIndex('incidents_by_review_idx').on('incidents').expression(sql`review_status, coalesce(event_date, ''), id`).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['incidents_by_date_idx', 'incidents_by_fatalities_idx', 'incidents_by_country_idx', 'incidents_by_review_idx', 'incidents_search_idx']) await db.schema.dropIndex(index).ifExists().execute();
  for (const column of ['review_status', 'reviewed_by', 'reviewed_at']) await db.schema.alterTable('incidents').dropColumn(column).execute();
  for (const table of ['settings', 'api_tokens', 'sessions', 'users']) await db.schema.dropTable(table).ifExists().execute();
}
