// The PostgreSQL job queue (pg-boss) that spreads ingestion over machines: `vigil ingest
// --enqueue` puts one job per report; `vigil worker` processes take them in batches (pg-boss
// fetches by polling, so one job at a time would crawl), ingest them, and mark them done. A
// worker that dies leaves its jobs active until they expire; pg-boss then retries them. The
// ledger write is idempotent (clean-text hash key, one transaction a batch), so a retried
// job is never stored twice.
import PgBoss from 'pg-boss';
import { addSummary, ingestItems, emptySummary, type Analyser, type IngestSummary } from '../pipeline/run.js';
import type { IngestItem } from '../ingest/index.js';
import type { Store } from '../store/index.js';
import type { RawReport } from '../types.js';

export const QUEUE = 'vigil-ingest';
const INSERT_CHUNK = 500;

export interface QueueLocation {
  databaseUrl: string;
  /** The ledger's schema; the queue lives beside it in `<schema>_queue` (or `vigil_queue`). */
  schema: string | null;
}

export async function openQueue(location: QueueLocation): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: location.databaseUrl, schema: location.schema ? `${location.schema}_queue` : 'vigil_queue', max: 4 });
  boss.on('error', (error) => process.stderr.write(`queue error: ${error.message}\n`));
  await boss.start();
  if (!(await boss.getQueue(QUEUE))) {
    // Retries cover crashed workers; expiry is how a crash is noticed.
    await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 3, retryDelay: 10, expireInSeconds: 15 * 60 }).catch(async (error: Error) => {
      if (!(await boss.getQueue(QUEUE))) throw error; // another process created it first: fine
    });
  }
  return boss;
}

/** Puts every good item in the queue, one job each; bad items are reported as in `ingest`. */
export async function enqueue(location: QueueLocation, items: AsyncIterable<IngestItem>, onItem: () => void = () => undefined): Promise<IngestSummary> {
  const summary = emptySummary();
  const boss = await openQueue(location);
  let chunk: PgBoss.JobInsert[] = [];
  const send = async () => {
    await boss.insert(chunk);
    chunk = [];
  };
  try {
    for await (const item of items) {
      onItem();
      if (!item.ok) {
        summary.errors.push({ item: item.item, error: item.error });
        process.stderr.write(`error: ${item.item}: ${item.error}\n`);
        continue;
      }
      summary.reportsRead++;
      chunk.push({ name: QUEUE, data: item.report });
      if (chunk.length >= INSERT_CHUNK) await send();
    }
    if (chunk.length > 0) await send();
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  return summary;
}

export interface WorkerOptions {
  analyser: Analyser;
  batchSize: number;
  pollSeconds: number;
  /** Stop once the queue has nothing waiting (for scripts and tests). */
  untilEmpty: boolean;
  /** Asked before each fetch: true stops the loop (SIGINT / SIGTERM). */
  stopping: () => boolean;
  onBatch?: (summary: IngestSummary) => void;
}

/** Takes batches of jobs until told to stop; returns what was ingested in total. */
export async function work(boss: PgBoss, store: Store, options: WorkerOptions): Promise<IngestSummary> {
  const total = emptySummary();
  while (!options.stopping()) {
    const jobs = await boss.fetch<RawReport>(QUEUE, { batchSize: options.batchSize });
    if (jobs.length === 0) {
      if (options.untilEmpty && (await boss.getQueueSize(QUEUE)) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, options.pollSeconds * 1000));
      continue;
    }
    let summary: IngestSummary;
    try {
      summary = await ingestItems(store, reportsOf(jobs), { analyser: options.analyser, batchSize: jobs.length });
    } catch (error) {
      // The batch's transaction rolled back: let pg-boss retry every job in it.
      await boss.fail(QUEUE, jobs.map((j) => j.id));
      process.stderr.write(`error: a batch of ${jobs.length} jobs failed and will be retried: ${error instanceof Error ? error.message : String(error)}\n`);
      continue;
    }
    // A report that cannot be read fails the same way every time: fail its job, do not retry it.
    const failed = new Map(summary.errors.map((e) => [e.item, e.error]));
    const bad = jobs.filter((j) => failed.has(j.data.origin));
    for (const job of bad) await boss.fail(QUEUE, job.id, { message: failed.get(job.data.origin) });
    await boss.complete(QUEUE, jobs.filter((j) => !failed.has(j.data.origin)).map((j) => j.id));
    addSummary(total, summary);
    options.onBatch?.(summary);
  }
  return total;
}

async function* reportsOf(jobs: Array<PgBoss.Job<RawReport>>): AsyncGenerator<IngestItem> {
  for (const job of jobs) yield { ok: true, report: job.data };
}

