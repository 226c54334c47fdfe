// A pool thread: analyses raw reports (clean, extract, geocode: the CPU-bound part) and sends
// back what the main thread needs to reconcile and store them. It warms up first (lexicons,
// patterns, gazetteer) and says 'ready', so a report's time budget is spent on the report.
import { parentPort, workerData } from 'node:worker_threads';
import { createConfiguration, loadLexicons } from '../extract/index.js';
import { shareGazetteerIndex } from '../geocode/gazetteer.js';
import { analyse } from './index.js';
import type { RawReport } from '../types.js';
import type { PoolResult, WorkerMessage } from './pool.js';

const { actorFiles, gazetteer } = workerData as { actorFiles: string[] | null; gazetteer: SharedArrayBuffer };
shareGazetteerIndex(gazetteer);
const extraction = actorFiles ? createConfiguration(loadLexicons(actorFiles)) : undefined;

// Touches most rules, the date parser and the gazetteer, so that their patterns are compiled.
const WARM_UP: RawReport = {
  origin: 'warm-up',
  url: null,
  title: 'Shelling kills 12 in Idlib',
  sourceName: null,
  published: '2020-01-01',
  format: 'html',
  content:
    '<p>At least 12 people, including three children, were killed and 20 wounded when government forces shelled the town of Maarat al-Numan in Idlib province on Tuesday, the Syrian Observatory for Human Rights said.</p><p>Two policemen were shot dead by gunmen in Kabul, Afghanistan, police said. Protesters clashed with police in Lagos.</p>',
};
analyse(WARM_UP, { extraction });
parentPort!.postMessage('ready' satisfies WorkerMessage);

parentPort!.on('message', (raw: RawReport) => {
  let result: PoolResult;
  try {
    const { report, drafts } = analyse(raw, { extraction });
    result = { ok: true, analysis: { report, drafts } };
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(result satisfies WorkerMessage);
});
