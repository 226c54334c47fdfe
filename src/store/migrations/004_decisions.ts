// Human decisions: an audit log of every merge, split, move and hand-set field (who, when, why,
// before, after), report links a person decided, and the fields a person set, so that machine
// clustering and new reports never undo them. And what reconciling across sources concludes:
// the grade with its reason, who attributes the incident to whom, and the conflicts flagged.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('report_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute();
  await db.schema.createIndex('audit_log_incident_idx').on('audit_log').column('incident_id').execute();
  // A link a person made (by merge, split or move): machine clustering keeps the report there.
  await db.schema.alterTable('incident_reports').addColumn('decided_by_human', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
  await db.schema.createIndex('incident_reports_report_idx').on('incident_reports').column('report_id').execute();
  // Columns a person set by hand, with their values: every machine write keeps them.
  await db.schema.alterTable('incidents').addColumn('human_fields', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)).execute();
  await db.schema
    .alterTable('incidents')
    .addColumn('grade', 'text')
    .addColumn('grade_reason', 'text')
    .addColumn('attribution', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('flags', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // Text signature of the incident's sentences in its reports, for clustering (its format: 007_term_signatures).
    .addColumn('signature', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  // Clustering's candidate search: incidents of one country within a date window.
  await db.schema.createIndex('incidents_country_date_idx').on('incidents').columns(['country', 'event_date']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('incidents_country_date_idx').ifExists().execute();
  for (const column of ['signature', 'flags', 'attribution', 'grade_reason', 'grade', 'human_fields']) await db.schema.alterTable('incidents').dropColumn(column).execute();
  await db.schema.dropIndex('incident_reports_report_idx').ifExists().execute();
  await db.schema.alterTable('incident_reports').dropColumn('decided_by_human').execute();
  await db.schema.dropTable('audit_log').ifExists().execute();
}
