// Reading whole articles: each incident's role in the report that tells it (the main event, a
// further event, or background), and the running tallies a report gives, kept apart from tolls.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incidents').addColumn('role', 'text', (c) => c.notNull().defaultTo('main')).execute();
  await db.schema
    .createTable('tallies')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('victims', 'text', (c) => c.notNull())
    .addColumn('qualifier', 'text', (c) => c.notNull())
    .addColumn('low', 'integer')
    .addColumn('high', 'integer')
    .addColumn('vague_word', 'text')
    .addColumn('speaker', 'text')
    .addColumn('outlet', 'text')
    .addColumn('period', 'text')
    .addColumn('scope', 'text')
    .addColumn('hedges', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('evidence', 'jsonb', (c) => c.notNull())
    .addColumn('sentence', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tallies_report_idx').on('tallies').column('report_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('tallies').ifExists().execute();
  await db.schema.alterTable('incidents').dropColumn('role').execute();
}
