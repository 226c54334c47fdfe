// POST /api/reports: reports sent as text, HTML or a URL the server fetches, one or many, each
// read by the same pipeline as `vigil ingest` (src/pipeline/); the answer says, item by item, what
// was stored and which incidents it created or joined, or why the item failed. One bad item never
// costs the others: a well-formed request answers 200 when every item went in, 207 when some failed.
// Analysts and admins may post, with a session or an API token; `vigil ingest` beside a running
// server posts here too (src/ingest/forward.ts), with the data directory's ingest token.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorSchema, SHORT_ID_LENGTH } from '../../export/api.js';
import { MAX_FILE_BYTES, readPage, type IngestItem } from '../../ingest/index.js';
import type { ReportOutcome } from '../../pipeline/index.js';
import type { Analyser } from '../../pipeline/run.js';
import type { Store } from '../../store/index.js';
import type { RawReport } from '../../types.js';
import { HttpError, requirePermission } from '../access.js';
import { jsonSchema } from '../contract.js';

/** Items a request may carry; `vigil ingest` sends fewer, in order. */
export const MAX_REPORTS_PER_REQUEST = 1000;
/** `{url}` items a request may carry: each is fetched while the request waits. */
export const MAX_URLS_PER_REQUEST = 20;
/** Large enough for one report at the file-size limit, as JSON. */
export const INGEST_BODY_LIMIT = 256 * 1024 * 1024;

const url = z.string().max(8192).regex(/^https?:\/\//i, 'must be an http(s) URL');
const metadata = {
  title: z.string().max(65_536).optional(),
  source: z.string().max(4096).optional().describe('the outlet'),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
    .optional()
    .describe('publication date (YYYY-MM-DD); without it, the page’s own date if it gives one'),
};
/** A report's text or HTML: as large as a file `vigil ingest` reads. */
const content = z.string().max(MAX_FILE_BYTES);
const textItem = z.strictObject({ text: content, url: url.optional().describe('where the text was published: recorded, not fetched'), ...metadata });
const htmlItem = z.strictObject({ html: content, url: url.optional().describe('the page’s address: recorded, not fetched'), ...metadata });
const urlItem = z.strictObject({ url: url.describe('fetched by the server: public addresses only, unless it runs with --allow-private'), ...metadata });
export const reportItemSchema = z.union([textItem, htmlItem, urlItem]);
export type ReportItem = z.infer<typeof reportItemSchema>;
export const reportsBodySchema = z.union([reportItemSchema, z.array(reportItemSchema).min(1).max(MAX_REPORTS_PER_REQUEST)]);

export const reportResultSchema = z.strictObject({
  /** Where the item was in the request (0 for a body of one item). */
  item: z.number(),
  status: z.enum(['created', 'existing', 'error']).describe('created: stored now; existing: the same clean text was stored before; error: see error'),
  report_id: z.string().nullable(),
  short_id: z.string().nullable(),
  /** The publication date used: the item's, else the page's. */
  published: z.string().nullable(),
  /** Incidents the report created or joined (`created` false: it joined one already stored, or, for an existing report, the ones it tells). */
  incidents: z.array(z.strictObject({ event_id: z.string(), created: z.boolean() })),
  error: z.string().nullable(),
});
export type ReportResult = z.infer<typeof reportResultSchema>;
export const reportsAnswerSchema = z.strictObject({
  results: z.array(reportResultSchema),
  created: z.number(),
  existing: z.number(),
  failed: z.number(),
});
export type ReportsAnswer = z.infer<typeof reportsAnswerSchema>;

export interface IngestRouteOptions {
  store: Store;
  /** The server's analysis pool, started on first use. */
  analyser: () => Analyser;
  /** Let `{url}` items reach private, loopback and link-local addresses (`vigil serve --allow-private`). */
  allowPrivate?: boolean;
}

const errors = { 400: jsonSchema(errorSchema), 401: jsonSchema(errorSchema), 403: jsonSchema(errorSchema), 413: jsonSchema(errorSchema) };
const originOf = (index: number) => `items[${index}]`;

/** One item checked on its own, by its kind, so that a bad item's error names its own fields and costs no other. */
function parseItem(value: unknown): { ok: true; item: ReportItem } | { ok: false; error: string } {
  const kind = value && typeof value === 'object' && !Array.isArray(value) ? (['text', 'html', 'url'] as const).find((key) => key in value) : undefined;
  if (!kind) return { ok: false, error: 'an item is an object with "text", "html" or "url"' };
  const parsed = { text: textItem, html: htmlItem, url: urlItem }[kind].safeParse(value);
  return parsed.success ? { ok: true, item: parsed.data } : { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'item'}: ${i.message}`).join('; ') };
}

/** The raw report an item stands for: its own text or HTML, or the page its URL points to, fetched. */
async function readItem(item: ReportItem, origin: string, allowPrivate: boolean): Promise<IngestItem> {
  const given = { url: item.url ?? null, title: item.title ?? null, sourceName: item.source ?? null, published: item.published ?? null };
  if ('text' in item) return { ok: true, report: { origin, ...given, format: 'text', content: item.text } };
  if ('html' in item) return { ok: true, report: { origin, ...given, format: 'html', content: item.html } };
  const page = await readPage(item.url, { published: given.published, source: given.sourceName }, { fetch: { allowPrivate } });
  if (!page.ok) return { ok: false, item: origin, error: `${item.url}: ${page.error}` };
  const report: RawReport = { ...page.report, origin, title: given.title ?? page.report.title };
  return { ok: true, report };
}

export const ingestRoutes: FastifyPluginAsync<IngestRouteOptions> = async (app, { store, analyser, allowPrivate = false }) => {
  const { ingestItems } = await import('../../pipeline/run.js');
  // One ingest at a time: each run reconciles against what the previous one stored.
  let queue: Promise<unknown> = Promise.resolve();

  const schema = {
    summary: 'read reports (text, HTML or a URL to fetch; one item or a list) and answer, item by item, what was stored and which incidents it created or joined: 200 when all went in, 207 when some failed (analysts)',
    body: jsonSchema(reportsBodySchema, 'input'),
    response: { 200: jsonSchema(reportsAnswerSchema), 207: jsonSchema(reportsAnswerSchema), ...errors },
  };
  // Fastify checks the whole body against the schema and would refuse it for one bad item: the
  // handler checks each item instead (parseItem), and the schema serves the OpenAPI document.
  const acceptAny = () => (value: unknown) => ({ value });
  // Who may post is checked before the body is read: no one else makes the server read up to the limit.
  const onRequest = async (request: FastifyRequest) => requirePermission(request, 'ingest');
  app.post('/api/reports', { bodyLimit: INGEST_BODY_LIMIT, schema, validatorCompiler: acceptAny, onRequest }, async (request, reply) => {
    const body = request.body;
    const values = Array.isArray(body) ? body : [body];
    if (!body || typeof body !== 'object' || values.length === 0) throw new HttpError(400, 'body: one item ({"text"}, {"html"} or {"url"}) or a list of them');
    if (values.length > MAX_REPORTS_PER_REQUEST) throw new HttpError(400, `body: at most ${MAX_REPORTS_PER_REQUEST} items a request, got ${values.length}`);
    const parsed = values.map(parseItem);
    const urls = parsed.filter((p) => p.ok && !('text' in p.item) && !('html' in p.item)).length;
    if (urls > MAX_URLS_PER_REQUEST) throw new HttpError(400, `body: at most ${MAX_URLS_PER_REQUEST} {"url"} items a request (each is fetched while it waits), got ${urls}`);

    const results: ReportResult[] = values.map((_, item) => ({ item, status: 'error', report_id: null, short_id: null, published: null, incidents: [], error: null }));
    // Pages are fetched before the request takes its turn, so that a slow site holds up no other ingest.
    const read = await Promise.all(parsed.map((p, index): Promise<IngestItem> | IngestItem => (p.ok ? readItem(p.item, originOf(index), allowPrivate) : { ok: false, item: originOf(index), error: p.error })));
    const resultOf = new Map(results.map((result) => [originOf(result.item), result]));
    const onOutcome = (outcome: ReportOutcome) =>
      Object.assign(resultOf.get(outcome.origin)!, {
        status: outcome.stored ? 'created' : 'existing',
        report_id: outcome.reportId,
        short_id: outcome.reportId.slice(0, SHORT_ID_LENGTH),
        published: outcome.published,
        incidents: outcome.incidents.map(({ id, created }) => ({ event_id: id, created })),
      } satisfies Partial<ReportResult>);
    const run = queue.then(() =>
      ingestItems(
        store,
        (async function* () {
          yield* read;
        })(),
        { analyser: analyser(), onOutcome },
      ),
    );
    queue = run.catch(() => undefined);
    const summary = await run;
    for (const { item, error } of summary.errors) resultOf.get(item)!.error = error;
    // A report stored before: the incidents it already tells.
    for (const result of results) {
      if (result.status === 'existing') result.incidents = (await store.incidentsOfReport(result.report_id!)).map(({ incidentId }) => ({ event_id: incidentId, created: false }));
    }
    const count = (status: ReportResult['status']) => results.filter((r) => r.status === status).length;
    const answer: ReportsAnswer = { results, created: count('created'), existing: count('existing'), failed: count('error') };
    return reply.code(answer.failed > 0 ? 207 : 200).send(answer);
  });
};
