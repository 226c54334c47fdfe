// /api/openapi.json: the OpenAPI 3.1 document, generated from the routes as they are registered,
// so it lists exactly the paths, parameters and answers the server has.
import type { FastifyInstance, FastifyPluginAsync, RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifySchema {
    /** One line for the OpenAPI document. */
    summary?: string;
  }
}

interface RouteSchema {
  summary?: string;
  querystring?: JsonObject;
  params?: JsonObject;
  body?: JsonObject;
  response?: Record<string, JsonObject>;
}
type JsonObject = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>>; required?: string[] };

/** Starts collecting the API's routes; call before registering any. */
export function collectRoutes(app: FastifyInstance): RouteOptions[] {
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && route.method !== 'HEAD') routes.push(route);
  });
  return routes;
}

function parameters(schema: JsonObject | undefined, where: 'query' | 'path') {
  return Object.entries(schema?.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: where, required: where === 'path' || (schema?.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest };
  });
}

export function openApiDocument(routes: RouteOptions[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const schema = (route.schema ?? {}) as RouteSchema;
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    for (const method of [route.method].flat()) {
      const responses = Object.fromEntries(
        Object.entries(schema.response ?? { 200: {} }).map(([status, body]) => [status, { description: status.startsWith('2') ? 'success' : 'error', content: { 'application/json': { schema: body } } }]),
      );
      (paths[path] ??= {})[method.toLowerCase()] = {
        summary: schema.summary ?? `${method} ${route.url}`,
        parameters: [...parameters(schema.params, 'path'), ...parameters(schema.querystring, 'query')],
        ...(schema.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema.body } } } } : {}),
        responses,
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Vigil', version: '0.1.0', description: 'Incidents read from conflict news reports, with the evidence for every field. Sign in with POST /api/session (cookie, plus x-csrf-token on writes) or send Authorization: Bearer <token from `vigil token create`>.' },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'vigil_session' }, bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ session: [] }, { bearer: [] }],
    paths,
  };
}

export const openApiRoutes: FastifyPluginAsync<{ routes: RouteOptions[] }> = async (app, { routes }) => {
  app.get('/api/openapi.json', { schema: { summary: 'this document' } }, async () => openApiDocument(routes));
};
