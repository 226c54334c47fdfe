// The ingest loop: raw reports in, analysed on a worker-thread pool (in input order, so a run
// always reconciles the same way), stored in batches of one transaction each.
import { availableParallelism } from 'node:os';
import { storeAnalysis, type Analysis, type ReportOutcome } from './index.js';
import type { Store } from '../store/index.js';
import { storableText } from '../store/storable.js';
import type { RawReport } from '../types.js';
import { BatchWriter } from './batch.js';
import type { IngestItem } from '../ingest/index.js';
import { AnalysePool, DEFAULT_BUDGET, type Budget, type PoolResult } from './pool.js';

export interface IngestSummary {
  reportsRead: number;
  reportsStored: number;
  duplicates: number;
  incidentsCreated: number;
  incidentsMerged: number;
  errors: Array<{ item: string; error: string }>;
  withoutPublicationDate: string[];
}

export interface IngestRunOptions {
  analyser?: Analyser;
  /** Reports per write transaction. */
  batchSize?: number;
  /** Called once per item read, good or bad (progress). */
  onItem?: () => void;
  /** Called for each analysed report once its batch commits; `stored` false for a report stored before (POST /api/reports answers per report). */
  onOutcome?: (outcome: ReportOutcome) => void;
}

/** Inputs of this many reports or fewer get one analysis thread: a thread costs a second or two to warm up. */
const ONE_THREAD_UP_TO = 8;
const DEFAULT_BATCH = 100;
/** Report text waiting for or in analysis at once, so that large files cannot pile up in memory. */
const MAX_BYTES_IN_FLIGHT = 64 * 1024 * 1024;

export interface AnalyserOptions {
  /** Analysis threads (default: one a core). */
  threads?: number;
  /** Extra actor lists (`--actors`). */
  actorFiles?: string[] | null;
  /** How many reports are coming, when known: small inputs start one thread. */
  expected?: number | null;
  /** Time and memory each report may take (`--report-timeout`, `--report-memory`). */
  budget?: Budget;
}

/**
 * Analyses reports on a pool of worker threads, never on the main thread: only a thread can be
 * ended when a report exceeds its budget, and the main thread must stay free to store and serve.
 */
export class Analyser {
  private pool: AnalysePool | null = null;
  private readonly threads: number;

  constructor(private readonly options: AnalyserOptions = {}) {
    const { expected = null, threads = availableParallelism() } = options;
    this.threads = expected !== null && expected <= ONE_THREAD_UP_TO ? 1 : threads;
  }

  analyse(raw: RawReport): Promise<PoolResult> {
    this.pool ??= new AnalysePool(this.threads, this.options.actorFiles ?? null, this.options.budget ?? DEFAULT_BUDGET);
    return this.pool.analyse(raw);
  }

  /** How many reports may be in flight: enough to keep every thread busy. */
  get window(): number {
    return this.threads * 16;
  }

  close(): Promise<void> {
    return this.pool?.close() ?? Promise.resolve();
  }
}

/** Adds a part's counts and lists to a running total. */
export function addSummary(total: IngestSummary, part: IngestSummary): void {
  total.reportsRead += part.reportsRead;
  total.reportsStored += part.reportsStored;
  total.duplicates += part.duplicates;
  total.incidentsCreated += part.incidentsCreated;
  total.incidentsMerged += part.incidentsMerged;
  total.errors.push(...part.errors);
  total.withoutPublicationDate.push(...part.withoutPublicationDate);
}

export function emptySummary(): IngestSummary {
  return { reportsRead: 0, reportsStored: 0, duplicates: 0, incidentsCreated: 0, incidentsMerged: 0, errors: [], withoutPublicationDate: [] };
}

/** Ingests items; each bad one is reported on stderr and in the summary, and the rest go on. */
export async function ingestItems(store: Store, items: AsyncIterable<IngestItem>, options: IngestRunOptions = {}): Promise<IngestSummary> {
  const summary = emptySummary();
  const ownAnalyser = !options.analyser;
  const analyser = options.analyser ?? new Analyser();
  const inFlight: Array<{ origin: string; bytes: number; result: Promise<PoolResult> }> = [];
  let bytesInFlight = 0;
  let batch: Stored[] = [];

  const fail = (item: string, error: string) => {
    summary.errors.push({ item, error });
    process.stderr.write(`error: ${item}: ${error}\n`);
  };

  const flush = async () => {
    const items = batch;
    batch = [];
    try {
      await storeBatch(store, items, summary, fail, options.onOutcome);
    } catch (error) {
      // The batch's transaction stored nothing. One bad item must not cost the others: store
      // them one by one, each in its own transaction, and name the one the database refuses.
      if (items.length === 1) return fail(items[0]!.origin, notStored(error));
      for (const item of items) {
        await storeBatch(store, [item], summary, fail, options.onOutcome).catch((e: unknown) => fail(item.origin, notStored(e)));
      }
    }
  };

  const settleOldest = async () => {
    const { origin, bytes, result } = inFlight.shift()!;
    const outcome = await result;
    bytesInFlight -= bytes;
    options.onItem?.();
    if (!outcome.ok) fail(origin, outcome.error);
    else batch.push({ origin, analysis: outcome.analysis });
    if (batch.length >= (options.batchSize ?? DEFAULT_BATCH)) await flush();
  };

  try {
    for await (const item of items) {
      if (!item.ok) {
        options.onItem?.();
        fail(item.item, item.error);
        continue;
      }
      summary.reportsRead++;
      const bytes = item.report.content.length;
      while (inFlight.length >= analyser.window || (inFlight.length > 0 && bytesInFlight + bytes > MAX_BYTES_IN_FLIGHT)) await settleOldest();
      inFlight.push({ origin: item.report.origin, bytes, result: analyser.analyse(storableReport(item.report)) });
      bytesInFlight += bytes;
    }
    while (inFlight.length > 0) await settleOldest();
    if (batch.length > 0) await flush();
  } finally {
    if (ownAnalyser) await analyser.close();
  }
  return summary;
}

interface Stored {
  origin: string;
  analysis: Analysis;
}

/**
 * Clusters, reconciles and writes reports in one transaction under the clustering lock, so that
 * two writers (parallel ingests, workers) never reconcile against views that miss each other's
 * incidents; the summary counts them, and their failures, only once it commits.
 */
async function storeBatch(store: Store, items: Stored[], summary: IngestSummary, fail: (item: string, error: string) => void, onOutcome?: (outcome: ReportOutcome) => void): Promise<void> {
  const outcomes: ReportOutcome[] = [];
  const failures: Array<[string, string]> = [];
  const takenMeanwhile = await store.serialised(async (tx) => {
    outcomes.length = 0;
    failures.length = 0;
    const writer = new BatchWriter(tx);
    await writer.prepare(items.map((b) => b.analysis));
    for (const { origin, analysis } of items) {
      try {
        outcomes.push(await storeAnalysis(origin, analysis, writer));
      } catch (error) {
        failures.push([origin, error instanceof Error ? error.message : String(error)]);
      }
    }
    return new Set(await writer.flush());
  });
  for (const [origin, error] of failures) fail(origin, error);
  for (const outcome of outcomes) {
    if (outcome.missingPublished) summary.withoutPublicationDate.push(outcome.origin);
    if (!outcome.stored || takenMeanwhile.has(outcome.reportId)) {
      summary.duplicates++;
      onOutcome?.({ ...outcome, stored: false, incidentsCreated: 0, incidentsMerged: 0, incidents: [] });
      continue;
    }
    onOutcome?.(outcome);
    summary.reportsStored++;
    summary.incidentsCreated += outcome.incidentsCreated;
    summary.incidentsMerged += outcome.incidentsMerged;
  }
}

function notStored(error: unknown): string {
  return `not stored: the database refused it (${error instanceof Error ? error.message : String(error)})`;
}

/** The report with every text field made storable (no NUL, no unpaired surrogate), before any stage reads it. */
function storableReport(raw: RawReport): RawReport {
  const text = (value: string | null) => (value === null ? null : storableText(value));
  return { ...raw, url: text(raw.url), title: text(raw.title), sourceName: text(raw.sourceName), published: text(raw.published), content: storableText(raw.content) };
}
