// Incidents: the filtered, sorted, paged list; one incident with its evidence and reports; the
// streamed export; and the review actions. A viewer (or the public, when allowed) sees accepted
// incidents only; every answer is built by src/export and checked against its schema.
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { errorSchema, incidentDetailSchema, incidentPageSchema, toIncidentDetail, toIncidentItem, type IncidentDetail } from '../../export/api.js';
import { EXPORT_CONTENT_TYPES, exportStream, loadReports, loadSources, type ExportFormat } from '../../export/index.js';
import type { IncidentPageQuery, ReviewStatus, Store } from '../../store/index.js';
import { can } from '../../auth/roles.js';
import { HttpError, requirePermission } from '../access.js';
import { exportQuerySchema, idParamsSchema, jsonSchema, listQuerySchema, toFilter, type FilterQuery, type ListQuery } from '../contract.js';

const errors = { 400: jsonSchema(errorSchema), 401: jsonSchema(errorSchema), 403: jsonSchema(errorSchema), 404: jsonSchema(errorSchema) };

/** The filter narrowed to what the asker may read: accepted incidents only, unless they may read all. */
function readableFilter(request: FastifyRequest, query: FilterQuery): IncidentPageQuery {
  requirePermission(request, 'read:accepted');
  const filter = toFilter(query);
  if (can(request.principal, 'read:all', request.publicRead)) return filter;
  if (query.review_status && query.review_status !== 'accepted') throw new HttpError(403, `a ${request.principal.role} reads accepted incidents only`);
  return { ...filter, reviewStatus: ['accepted'] };
}

export async function incidentDetail(store: Store, id: string, request: FastifyRequest): Promise<IncidentDetail> {
  const [incident, review] = await Promise.all([store.getIncident(id), store.review(id)]);
  // An incident the asker may not read is answered as missing, not as forbidden: its id tells nothing.
  if (!incident || !review || (review.status !== 'accepted' && !can(request.principal, 'read:all', request.publicRead))) throw new HttpError(404, `no incident ${id}`);
  const reports = await loadReports(store, [incident]);
  return toIncidentDetail(toIncidentItem(incident, reports, review), incident, reports);
}

export const incidentRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get<{ Querystring: ListQuery }>(
    '/api/incidents',
    { schema: { summary: 'incidents matching the filters, one page, with the total', querystring: jsonSchema(listQuerySchema, 'input'), response: { 200: jsonSchema(incidentPageSchema), ...errors } } },
    async (request) => {
      const filter = readableFilter(request, request.query);
      const { sort, order, cursor, limit } = request.query;
      const [page, total] = await Promise.all([store.incidentPage({ ...filter, sort, order, cursor, limit }), cursor ? null : store.countIncidents(filter)]);
      const reports = await loadSources(store, page.incidents);
      const incidents = page.incidents.map((incident) => toIncidentItem(incident, reports, page.reviews.get(incident.id)!));
      return { incidents, total, next_cursor: page.nextCursor, limit };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/incidents/:id',
    { schema: { summary: 'one incident: fields, claims, evidence spans, reports, review', params: jsonSchema(idParamsSchema), response: { 200: jsonSchema(incidentDetailSchema), ...errors } } },
    async (request) => {
      requirePermission(request, 'read:accepted');
      return incidentDetail(store, request.params.id, request);
    },
  );

  for (const [action, status] of [['accept', 'accepted'], ['reject', 'rejected']] as Array<[string, ReviewStatus]>) {
    app.post<{ Params: { id: string } }>(
      `/api/incidents/:id/${action}`,
      { schema: { summary: `${action} the incident (analysts)`, params: jsonSchema(idParamsSchema), response: { 200: jsonSchema(incidentDetailSchema), ...errors } } },
      async (request) => {
        requirePermission(request, 'review');
        if (!(await store.setReview(request.params.id, status, request.principal.name))) throw new HttpError(404, `no incident ${request.params.id}`);
        request.log.info({ incident: request.params.id, by: request.principal.name }, `incident ${status}`);
        return incidentDetail(store, request.params.id, request);
      },
    );
  }

  app.get<{ Querystring: FilterQuery & { format: ExportFormat } }>(
    '/api/export',
    { schema: { summary: 'every incident matching the filters as json, csv or geojson, streamed', querystring: jsonSchema(exportQuerySchema, 'input'), response: errors } },
    async (request, reply) => {
      const filter = readableFilter(request, request.query);
      return reply.type(EXPORT_CONTENT_TYPES[request.query.format]).send(Readable.from(exportStream(store, filter, request.query.format)));
    },
  );
};
