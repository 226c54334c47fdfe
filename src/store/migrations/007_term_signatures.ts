// Clustering's text signature changed from MinHash positions to term counts (src/reconcile/similarity.ts).
// A MinHash signature read as term counts would compare as noise, so the stored ones are emptied:
// such an incident takes no report by its text until `vigil recluster` computes its terms again.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update incidents set signature = '[]'::jsonb`.execute(db);
}

/** Term counts read as MinHash positions would be noise too: emptied again. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update incidents set signature = '[]'::jsonb`.execute(db);
}
