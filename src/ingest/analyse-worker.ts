// A pool thread: analyses raw reports (clean, extract, geocode: the CPU-bound part) and sends
// back what the main thread needs to reconcile and store them. It warms up first (lexicons,
// patterns, gazetteer) and says 'ready', so a report's time budget is spent on the report.
import { parentPort, workerData } from 'node:worker_threads';
import { ActorLexicon } from '../extract/index.js';
import { ActorRule } from '../extract/rules/actor-rule.js';
import { analyse } from '../pipeline.js';
import type { RawReport } from '../types.js';
import type { PoolResult, WorkerMessage } from './pool.js';

const { actorFiles } = workerData as { actorFiles: string[] | null };
const actorRule = actorFiles ? new ActorRule(ActorLexicon.fromFiles(actorFiles)) : undefined;

const WARM_UP: RawReport = { origin: 'warm-up', url: null, title: null, sourceName: null, published: '2020-01-01', format: 'text', content: 'Two civilians were killed in shelling on Aleppo on Monday, officials said.' };
analyse(WARM_UP, { actorRule });
parentPort!.postMessage('ready' satisfies WorkerMessage);

parentPort!.on('message', (raw: RawReport) => {
  let result: PoolResult;
  try {
    const { report, drafts } = analyse(raw, { actorRule });
    result = { ok: true, analysis: { report, drafts } };
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(result satisfies WorkerMessage);
});
