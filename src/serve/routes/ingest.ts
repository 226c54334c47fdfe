// POST /api/reports: `vigil ingest` run beside a server on the same data directory sends its
// reports here (the server alone may write the directory), and they show on the page at once.
// Guarded by the local credential in the data directory (src/store/ingest-token.ts).
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { IngestItem } from '../../ingest/index.js';
import type { Analyser, IngestSummary } from '../../ingest/run.js';
import { tokenMatches, type Store } from '../../store/index.js';

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
  token: string;
  /** The server's analysis pool, started on first use. */
  analyser: () => Analyser;
}

export const ingestRoutes: FastifyPluginAsync<IngestRouteOptions> = async (app, { store, token, analyser }) => {
  const { ingestItems } = await import('../../ingest/run.js');
  // One ingest at a time: each run reconciles against what the previous one stored.
  let queue: Promise<unknown> = Promise.resolve();

  app.post('/api/reports', { bodyLimit: INGEST_BODY_LIMIT }, async (request, reply) => {
    const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!tokenMatches(token, bearer)) return reply.code(401).send({ error: 'needs the ingest token of this data directory (Authorization: Bearer ...); `vigil ingest` finds it by itself' });
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
