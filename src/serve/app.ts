// The web app: a JSON API over the store and a static page that browses it; read-only but for
// the reports `vigil ingest` hands to the server that holds its data directory.
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { incidentRoutes } from './routes/incidents.js';
import { ingestRoutes, type IngestRouteOptions } from './routes/ingest.js';
import { pageRoutes } from './routes/pages.js';
import { reportRoutes } from './routes/reports.js';

/** The page loads only its own script and stylesheet; report text must never become code. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export interface AppOptions {
  logger?: boolean;
  /** Accept reports from `vigil ingest` (POST /api/reports) with this data directory's token. */
  ingest?: Omit<IngestRouteOptions, 'store'>;
}

export async function buildApp(store: Store, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });

  // One hook for every response, errors and 404s included.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    return payload;
  });

  app.setErrorHandler<FastifyError>((error, request, reply) => {
    // Validation messages name the parameter, e.g. "querystring/limit must be <= 1000".
    if (error.validation) {
      const nul = error.validation.find((issue) => issue.keyword === 'pattern');
      return reply.code(400).send({ error: nul ? `${error.validationContext}${nul.instancePath} must not contain NUL characters` : error.message });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error(error);
      return reply.code(500).send({ error: 'internal server error' });
    }
    return reply.code(status).send({ error: error.message });
  });

  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `not found: ${request.method} ${request.url}` }));

  await app.register(incidentRoutes, { store });
  await app.register(reportRoutes, { store });
  if (options.ingest) await app.register(ingestRoutes, { store, ...options.ingest });
  await app.register(pageRoutes);
  return app;
}
