// One report's clean text, so that the page can highlight evidence spans by their offsets, and
// the running tallies it gives.
import type { FastifyPluginAsync } from 'fastify';
import { toExportTally } from '../../export/index.js';
import type { Store } from '../../store/index.js';
import { TEXT_PATTERN } from './incidents.js';

const idSchema = {
  params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 200, pattern: TEXT_PATTERN } } },
};

export const reportRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get<{ Params: { id: string } }>('/api/reports/:id', { schema: idSchema }, async (request, reply) => {
    const report = await store.getReport(request.params.id);
    if (!report) return reply.code(404).send({ error: `no report ${request.params.id}` });
    const { id, title, url, sourceName, published, language, text, captions } = report;
    return { id, title, url, source_name: sourceName, published, language, text, captions, tallies: report.tallies.map((t) => toExportTally(t, report)) };
  });
};
