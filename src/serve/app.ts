// The web app: the JSON API over the store (incidents, reports, review, export, users) with its
// OpenAPI document, and the analyst's workbench page built from web/ into dist/web/.
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { Accounts } from '../auth/accounts.js';
import { InvalidCursor, type Store } from '../store/index.js';
import { installAccessControl } from './access.js';
import { TEXT_PATTERN } from './contract.js';
import { collectRoutes, openApiRoutes } from './openapi.js';
import { adminRoutes } from './routes/admin.js';
import { incidentRoutes } from './routes/incidents.js';
import { ingestRoutes, type IngestRouteOptions } from './routes/ingest.js';
import { pageRoutes } from './routes/pages.js';
import { reportRoutes } from './routes/reports.js';
import { sessionRoutes } from './routes/session.js';

/** The page loads only its own script and stylesheet; report text must never become code. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** JSON bodies other than reports (sign-in, review actions, settings) are small. */
const BODY_LIMIT = 64 * 1024;

export interface AppOptions {
  logger?: boolean;
  /** The data directory's ingest token: `vigil ingest` beside the server posts reports with it. */
  ingestToken?: string | null;
  /** Accept reports (POST /api/reports) and read them with this analysis pool. */
  ingest?: Omit<IngestRouteOptions, 'store'>;
}

export async function buildApp(store: Store, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT });
  const accounts = new Accounts(store);

  // One hook for every response, errors and 404s included.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    return payload;
  });

  app.setErrorHandler<FastifyError>((error, request, reply) => {
    // Validation messages name the parameter, e.g. "querystring/limit must be <= 500".
    if (error.validation) {
      const nul = error.validation.find((issue) => issue.keyword === 'pattern' && issue.params.pattern === TEXT_PATTERN);
      return reply.code(400).send({ error: nul ? `${error.validationContext}${nul.instancePath} must not contain NUL characters` : error.message });
    }
    if (error instanceof InvalidCursor) return reply.code(400).send({ error: error.message });
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error(error);
      return reply.code(500).send({ error: 'internal server error' });
    }
    return reply.code(status).send({ error: error.message });
  });

  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `not found: ${request.method} ${request.url}` }));

  const routes = collectRoutes(app);
  installAccessControl(app, { accounts, ingestToken: options.ingestToken ?? null });
  await app.register(sessionRoutes, { accounts });
  await app.register(incidentRoutes, { store });
  await app.register(reportRoutes, { store });
  if (options.ingest) await app.register(ingestRoutes, { store, ...options.ingest });
  await app.register(adminRoutes, { accounts });
  await app.register(openApiRoutes, { routes });
  await app.register(pageRoutes);
  return app;
}
