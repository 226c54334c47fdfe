// `vigil ingest` beside a running server: the server alone may write its data directory, so the
// CLI reads the inputs here (files, archives, feeds, URLs) and hands the reports to the server
// (POST /api/reports with the directory's token), which analyses, stores and shows them.
import { fetch } from 'undici';
import type { RawReport } from '../types.js';
import type { IngestItem } from './index.js';
import { addSummary, emptySummary, type IngestSummary } from '../pipeline/run.js';
import type { ReportsAnswer } from '../serve/routes/ingest.js';

/** Reports sent a request: small enough for steady progress, large enough for batched writes. */
const REPORTS_PER_REQUEST = 100;
const BYTES_PER_REQUEST = 8 * 1024 * 1024;

export async function forwardItems(serverUrl: string, token: string, items: AsyncIterable<IngestItem>, onItem: () => void = () => undefined): Promise<IngestSummary> {
  const summary = emptySummary();
  let batch: RawReport[] = [];
  let bytes = 0;
  const send = async () => {
    if (batch.length === 0) return;
    const answer = await post(serverUrl, token, batch);
    for (const { item, error } of answer.errors) process.stderr.write(`error: ${item}: ${error}\n`);
    addSummary(summary, answer);
    for (let i = 0; i < batch.length; i++) onItem();
    batch = [];
    bytes = 0;
  };
  for await (const item of items) {
    if (!item.ok) {
      onItem();
      summary.errors.push({ item: item.item, error: item.error });
      process.stderr.write(`error: ${item.item}: ${item.error}\n`);
      continue;
    }
    if (batch.length > 0 && bytes + item.report.content.length > BYTES_PER_REQUEST) await send();
    batch.push(item.report);
    bytes += item.report.content.length;
    if (batch.length >= REPORTS_PER_REQUEST) await send();
  }
  await send();
  return summary;
}

/** The reports as POST /api/reports items, and its answer, item by item, as the summary `vigil ingest` prints. */
async function post(serverUrl: string, token: string, reports: RawReport[]): Promise<IngestSummary> {
  const url = new URL('api/reports', serverUrl);
  const items = reports.map(({ url, title, sourceName, published, format, content }) => ({
    [format]: content,
    ...(url === null ? {} : { url }),
    ...(title === null ? {} : { title }),
    ...(sourceName === null ? {} : { source: sourceName }),
    ...(published === null ? {} : { published }),
  }));
  let response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(items) });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new Error(`the server at ${serverUrl} stopped answering (${cause}); the reports sent before this were stored: run the same command again to store the rest`);
  }
  const body = (await response.json().catch(() => ({}))) as Partial<ReportsAnswer> & { error?: string };
  if (!response.ok || !body.results) throw new Error(`the server at ${serverUrl} refused the reports: HTTP ${response.status} ${body.error ?? ''}`.trim());
  const summary = emptySummary();
  for (const result of body.results) {
    const origin = reports[result.item]!.origin;
    summary.reportsRead++;
    if (result.status === 'error') {
      summary.errors.push({ item: origin, error: result.error ?? 'not stored' });
      continue;
    }
    if (result.published === null) summary.withoutPublicationDate.push(origin);
    if (result.status === 'existing') {
      summary.duplicates++;
      continue;
    }
    summary.reportsStored++;
    for (const { created } of result.incidents) {
      if (created) summary.incidentsCreated++;
      else summary.incidentsMerged++;
    }
  }
  return summary;
}
