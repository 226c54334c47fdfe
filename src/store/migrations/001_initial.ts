import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text')
    .addColumn('title', 'text')
    .addColumn('source_name', 'text')
    .addColumn('published', 'text')
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('captions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('sub_event_type', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text')
    .addColumn('time_precision', 'integer', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('admin1', 'text')
    .addColumn('country', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('geo_precision', 'integer')
    .addColumn('geonameid', 'integer')
    .addColumn('sites', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('actor1', 'text')
    .addColumn('actor2', 'text')
    .addColumn('fatalities_low', 'integer')
    .addColumn('fatalities_best', 'integer')
    .addColumn('fatalities_high', 'integer')
    .addColumn('civilian_fatalities_low', 'integer')
    .addColumn('civilian_fatalities_high', 'integer')
    .addColumn('injured_low', 'integer')
    .addColumn('injured_high', 'integer')
    .addColumn('sources_count', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_date_idx').on('incidents').column('event_date').execute();

  await db.schema
    .createTable('claims')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('victims', 'text', (c) => c.notNull())
    .addColumn('qualifier', 'text', (c) => c.notNull())
    .addColumn('low', 'integer')
    .addColumn('high', 'integer')
    .addColumn('vague_word', 'text')
    .addColumn('stance', 'text', (c) => c.notNull())
    .addColumn('speaker', 'text')
    .addColumn('outlet', 'text')
    .addColumn('actor', 'text')
    .addColumn('hedges', 'jsonb', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', (c) => c.notNull())
    .addColumn('sentence', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('claims_incident_idx').on('claims').column('incident_id').execute();

  await db.schema
    .createTable('incident_reports')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addPrimaryKeyConstraint('incident_reports_pk', ['incident_id', 'report_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['incident_reports', 'claims', 'incidents', 'reports']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
