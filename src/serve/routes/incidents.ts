// Incidents as export records: the list with filters, one incident with its evidence, and the export files.
import type { FastifyPluginAsync } from 'fastify';
import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS, formatExport, loadReports, toExportRecord, toExportTally, type ExportFormat } from '../../export/index.js';
import type { IncidentFilter, Store } from '../../store/index.js';

interface FilterQuery {
  q?: string;
  country?: string;
  event_type?: string;
  from?: string;
  to?: string;
}

interface PageQuery extends FilterQuery {
  limit: number;
  offset: number;
}

const isoDate = { type: 'string', format: 'date' };
/** Text the database can compare: no NUL character (PostgreSQL refuses it in text). */
export const TEXT_PATTERN = '^[^\\u0000]*$';
const filterProperties = {
  q: { type: 'string', maxLength: 200, pattern: TEXT_PATTERN },
  country: { type: 'string', maxLength: 100, pattern: TEXT_PATTERN },
  event_type: { type: 'string', maxLength: 100, pattern: TEXT_PATTERN },
  from: isoDate,
  to: isoDate,
};

const listSchema = {
  querystring: {
    type: 'object',
    properties: {
      ...filterProperties,
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
      offset: { type: 'integer', minimum: 0, maximum: 2_147_483_647, default: 0 },
    },
  },
};

const idSchema = {
  params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 200, pattern: TEXT_PATTERN } } },
};

const exportSchema = {
  params: { type: 'object', required: ['format'], properties: { format: { type: 'string', enum: EXPORT_FORMATS } } },
  querystring: { type: 'object', properties: filterProperties },
};

function toFilter(query: FilterQuery): IncidentFilter {
  return { q: query.q, country: query.country, eventType: query.event_type, from: query.from, to: query.to };
}

export const incidentRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get<{ Querystring: PageQuery }>('/api/incidents', { schema: listSchema }, async (request) => {
    const { limit, offset } = request.query;
    const incidents = await store.listIncidents({ ...toFilter(request.query), limit, offset });
    const reports = await loadReports(store, incidents);
    return { incidents: incidents.map((incident) => toExportRecord(incident, reports)), limit, offset };
  });

  app.get<{ Params: { id: string } }>('/api/incidents/:id', { schema: idSchema }, async (request, reply) => {
    const incident = await store.getIncident(request.params.id);
    if (!incident) return reply.code(404).send({ error: `no incident ${request.params.id}` });
    const reports = await loadReports(store, [incident]);
    return {
      ...toExportRecord(incident, reports),
      evidence: incident.evidence,
      reports: incident.reportIds.flatMap((id) => {
        const report = reports.get(id);
        return report
          ? [{ id, title: report.title, url: report.url, source_name: report.sourceName, published: report.published, tallies: report.tallies.map((t) => toExportTally(t, report)) }]
          : [];
      }),
    };
  });

  app.get<{ Params: { format: ExportFormat }; Querystring: FilterQuery }>('/api/export.:format', { schema: exportSchema }, async (request, reply) => {
    const incidents = await store.listIncidents(toFilter(request.query));
    const reports = await loadReports(store, incidents);
    return reply.type(EXPORT_CONTENT_TYPES[request.params.format]).send(formatExport(incidents, reports, request.params.format));
  });
};
