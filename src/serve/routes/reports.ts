// Reports: the list (newest first, without text) and one report's clean text with its running
// tallies and the phrases incidents took from it, so that a page can highlight them by their offsets. A report is found by
// its full id or by the short id the CLI prints. Viewers read only reports behind accepted incidents.
import type { FastifyPluginAsync } from 'fastify';
import { errorSchema, reportListSchema, reportSchema, toApiReport, toReportRef } from '../../export/api.js';
import type { Store } from '../../store/index.js';
import { can } from '../../auth/roles.js';
import { HttpError, requirePermission } from '../access.js';
import { idParamsSchema, jsonSchema, pageQuerySchema } from '../contract.js';

const errors = { 400: jsonSchema(errorSchema), 401: jsonSchema(errorSchema), 403: jsonSchema(errorSchema), 404: jsonSchema(errorSchema) };

export const reportRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get<{ Querystring: { limit: number; offset: number } }>(
    '/api/reports',
    { schema: { summary: 'reports, newest first, without their text (analysts)', querystring: jsonSchema(pageQuerySchema, 'input'), response: { 200: jsonSchema(reportListSchema), ...errors } } },
    async (request) => {
      requirePermission(request, 'read:all');
      const { limit, offset } = request.query;
      const { total, reports } = await store.listReports({ limit, offset });
      return { reports: reports.map((row) => ({ ...toReportRef({ id: row.id, title: row.title, sourceName: row.source_name, url: row.url, published: row.published }), incidents: row.incidents })), total, limit, offset };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/reports/:id',
    { schema: { summary: 'one report: clean text (offsets of evidence spans point into it) and running tallies', params: jsonSchema(idParamsSchema), response: { 200: jsonSchema(reportSchema), ...errors } } },
    async (request) => {
      requirePermission(request, 'read:accepted');
      const report = await store.findReport(request.params.id);
      if (!report) throw new HttpError(404, `no report ${request.params.id}`);
      const readsAll = can(request.principal, 'read:all', request.publicRead);
      const links = await store.incidentsOfReport(report.id);
      const incidents = (await Promise.all(links.map(async ({ incidentId }) => ({ incident: await store.getIncident(incidentId), review: await store.review(incidentId) })))).flatMap(({ incident, review }) =>
        incident && (readsAll || review?.status === 'accepted') ? [incident] : [],
      );
      // A viewer reads a report only through an accepted incident that it tells.
      if (!readsAll && incidents.length === 0) throw new HttpError(404, `no report ${request.params.id}`);
      return toApiReport(report, incidents);
    },
  );
};
