// A pool thread: analyses raw reports (clean, extract, geocode: the CPU-bound part) and sends
// back what the main thread needs to reconcile and store them.
import { parentPort, workerData } from 'node:worker_threads';
import { createConfiguration, loadLexicons } from '../extract/index.js';
import { analyse } from '../pipeline.js';
import type { RawReport } from '../types.js';
import type { PoolResult } from './pool.js';

const { actorFiles } = workerData as { actorFiles: string[] | null };
const extraction = actorFiles ? createConfiguration(loadLexicons(actorFiles)) : undefined;

parentPort!.on('message', (raw: RawReport) => {
  let result: PoolResult;
  try {
    const { report, drafts } = analyse(raw, { extraction });
    result = { ok: true, analysis: { report, drafts } };
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(result);
});
