// POST /api/reports: `vigil ingest` run beside a server on the same data directory sends its
// reports here (the server alone may write the directory), and they show on the page at once.
// Analysts may post too, with a session or an API token; `vigil ingest` uses the local credential
// in the data directory (src/store/ingest-token.ts), which src/serve/access.ts takes for an analyst.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { IngestItem } from '../../ingest/index.js';
import type { Analyser, IngestSummary } from '../../pipeline/run.js';
import type { Store } from '../../store/index.js';
import { requirePermission } from '../access.js';
import { jsonSchema } from '../contract.js';

/** Reports a request may carry; `vigil ingest` sends fewer, in order. */
export const MAX_REPORTS_PER_REQUEST = 1000;
/** Large enough for one report at the file-size limit, as JSON. */
export const INGEST_BODY_LIMIT = 256 * 1024 * 1024;

const rawReport = z.object({
  origin: z.string().min(1).max(4096),
  url: z.string().max(8192).nullable(),
  title: z.string().max(65_536).nullable(),
  sourceName: z.string().max(4096).nullable(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  format: z.enum(['html', 'text']),
  content: z.string(),
});
const body = z.object({ reports: z.array(rawReport).min(1).max(MAX_REPORTS_PER_REQUEST) });

export interface IngestRouteOptions {
  store: Store;
  /** The server's analysis pool, started on first use. */
  analyser: () => Analyser;
}

export const ingestRoutes: FastifyPluginAsync<IngestRouteOptions> = async (app, { store, analyser }) => {
  const { ingestItems } = await import('../../pipeline/run.js');
  // One ingest at a time: each run reconciles against what the previous one stored.
  let queue: Promise<unknown> = Promise.resolve();

  const schema = { summary: 'read reports (text or HTML, one or many) and answer what was stored and created (analysts)', body: jsonSchema(body, 'input') };
  app.post('/api/reports', { bodyLimit: INGEST_BODY_LIMIT, schema }, async (request, reply) => {
    requirePermission(request, 'ingest');
    const parsed = body.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
    const items = (async function* (): AsyncGenerator<IngestItem> {
      for (const report of parsed.data.reports) yield { ok: true, report };
    })();
    const run = queue.then(() => ingestItems(store, items, { analyser: analyser() }));
    queue = run.catch(() => undefined);
    const summary: IngestSummary = await run;
    return summary;
  });
};
