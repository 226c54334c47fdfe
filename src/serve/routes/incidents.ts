// Incidents: the filtered, sorted, paged list; one incident with its evidence and reports; the
// streamed export; and the review actions. A viewer (or the public, when allowed) sees accepted
// incidents only; every answer is built by src/export and checked against its schema.
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { errorSchema, incidentDetailSchema, incidentPageSchema, toIncidentDetail, toIncidentItem, type IncidentDetail } from '../../export/api.js';
import { EXPORT_CONTENT_TYPES, exportStream, loadReports, type ExportFormat } from '../../export/index.js';
import type { IncidentPageQuery, ReviewStatus, Store } from '../../store/index.js';
import { can } from '../../auth/roles.js';
import { HttpError, requirePermission } from '../access.js';
import { editSchema, exportQuerySchema, idParamsSchema, jsonSchema, listQuerySchema, mergeSchema, moveSchema, reasonSchema, splitSchema, toFilter, type FilterQuery, type ListQuery } from '../contract.js';
import { DecisionError, incidentHistory, mergeIncidents, moveReport, setIncidentField, splitIncident } from '../../reconcile/decisions.js';

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
  const [reports, history] = await Promise.all([loadReports(store, [incident]), incidentHistory(store, id)]);
  return toIncidentDetail(toIncidentItem(incident, reports, review), incident, reports, history);
}

/** Runs a decision of src/reconcile/decisions.ts; its refusals (unknown id, a report not in the incident...) answer 400, or 404 for a missing incident. */
async function decide<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DecisionError) throw new HttpError(/^no incident/.test(error.message) ? 404 : 400, error.message);
    throw error;
  }
}

export const incidentRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get<{ Querystring: ListQuery }>(
    '/api/incidents',
    { schema: { summary: 'incidents matching the filters, one page, with the total', querystring: jsonSchema(listQuerySchema, 'input'), response: { 200: jsonSchema(incidentPageSchema), ...errors } } },
    async (request) => {
      const filter = readableFilter(request, request.query);
      const { sort, order, cursor, limit } = request.query;
      const page = await store.incidentList({ ...filter, sort, order, cursor, limit });
      const incidents = page.incidents.map((incident) => toIncidentItem(incident, page.sources, page.reviews.get(incident.id)!));
      return { incidents, total: page.total, next_cursor: page.nextCursor, limit };
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

  const decision = (summary: string, params = idParamsSchema, body?: z.ZodType) => ({
    schema: { summary, params: jsonSchema(params), ...(body ? { body: jsonSchema(body, 'input') } : {}), response: { 200: jsonSchema(incidentDetailSchema), ...errors } },
  });

  for (const [action, status] of [['accept', 'accepted'], ['reject', 'rejected']] as Array<[string, ReviewStatus]>) {
    // No body schema: the body, `{"reason": "..."}`, is optional, and fastify would require one.
    app.post<{ Params: { id: string } }>(`/api/incidents/:id/${action}`, decision(`${action} the incident (analysts); an optional body {"reason": "..."} goes in its history`), async (request) => {
      requirePermission(request, 'review');
      const { id } = request.params;
      const body = reasonSchema.optional().safeParse(request.body ?? undefined);
      if (!body.success) throw new HttpError(400, `body: ${body.error.issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`).join('; ')}`);
      await store.serialised(async (tx) => {
        const before = await tx.review(id);
        if (!before || !(await tx.setReview(id, status, request.principal.name))) throw new HttpError(404, `no incident ${id}`);
        await tx.appendAudit({ at: new Date().toISOString(), actor: request.principal.name, action, incidentId: id, reportId: null, reason: body.data?.reason ?? null, before: { review_status: before.status }, after: { review_status: status } });
      });
      return incidentDetail(store, id, request);
    });
  }

  app.patch<{ Params: { id: string }; Body: z.infer<typeof editSchema> }>('/api/incidents/:id', decision('set fields by hand (analysts): they keep their values whatever reports join later', idParamsSchema, editSchema), async (request) => {
    requirePermission(request, 'review');
    const who = { actor: request.principal.name, reason: request.body.reason ?? null };
    for (const [field, value] of Object.entries(request.body.fields)) {
      await decide(() => setIncidentField(store, request.params.id, field, value === null ? null : String(value), who));
    }
    return incidentDetail(store, request.params.id, request);
  });

  app.post<{ Params: { id: string }; Body: z.infer<typeof mergeSchema> }>('/api/incidents/:id/merge', decision('merge another incident into this one (analysts)', idParamsSchema, mergeSchema), async (request) => {
    requirePermission(request, 'review');
    await decide(() => mergeIncidents(store, request.params.id, request.body.other, { actor: request.principal.name, reason: request.body.reason ?? null }));
    return incidentDetail(store, request.params.id, request);
  });

  app.post<{ Params: { id: string }; Body: z.infer<typeof splitSchema> }>('/api/incidents/:id/split', decision('split reports off into a new incident (analysts); answers the incident left', idParamsSchema, splitSchema), async (request) => {
    requirePermission(request, 'review');
    await decide(() => splitIncident(store, request.params.id, request.body.report_ids, { actor: request.principal.name, reason: request.body.reason ?? null }));
    return incidentDetail(store, request.params.id, request);
  });

  app.post<{ Params: { id: string }; Body: z.infer<typeof moveSchema> }>('/api/incidents/:id/move', decision('move one report, its claims and evidence, into this incident (analysts)', idParamsSchema, moveSchema), async (request) => {
    requirePermission(request, 'review');
    await decide(() => moveReport(store, request.body.report_id, request.params.id, { actor: request.principal.name, reason: request.body.reason ?? null }));
    return incidentDetail(store, request.params.id, request);
  });

  app.get<{ Querystring: FilterQuery & { format: ExportFormat } }>(
    '/api/export',
    { schema: { summary: 'every incident matching the filters as json, csv or geojson, streamed', querystring: jsonSchema(exportQuerySchema, 'input'), response: errors } },
    async (request, reply) => {
      const filter = readableFilter(request, request.query);
      return reply.type(EXPORT_CONTENT_TYPES[request.query.format]).send(Readable.from(exportStream(store, filter, request.query.format)));
    },
  );
};
