// Report versions and feed state: a changed page at a known URL is stored as a new report
// linked to the one it replaces; `watch` remembers each feed's validators and the items it took.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('reports')
    .addColumn('previous_version_id', 'text', (c) => c.references('reports.id'))
    .execute();
  await db.schema.createIndex('reports_url_idx').on('reports').column('url').execute();
  await db.schema.createIndex('reports_previous_version_idx').on('reports').column('previous_version_id').execute();

  await db.schema
    .createTable('feeds')
    .addColumn('url', 'text', (c) => c.primaryKey())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('feed_items')
    .addColumn('feed_url', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_items_pk', ['feed_url', 'item_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('feed_items').ifExists().execute();
  await db.schema.dropTable('feeds').ifExists().execute();
  await db.schema.dropIndex('reports_previous_version_idx').ifExists().execute();
  await db.schema.dropIndex('reports_url_idx').ifExists().execute();
  await db.schema.alterTable('reports').dropColumn('previous_version_id').execute();
}
