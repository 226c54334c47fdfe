// The ingest loop: raw reports in, analysed on a worker-thread pool (in input order, so a run
// always reconciles the same way), stored in batches of one transaction each.
import { availableParallelism } from 'node:os';
import { createConfiguration, loadLexicons, type ExtractConfiguration } from '../extract/index.js';
import { analyse, storeAnalysis, type Analysis } from '../pipeline.js';
import type { Store } from '../store/index.js';
import { storableText } from '../store/storable.js';
import type { RawReport } from '../types.js';
import { BatchWriter } from './batch.js';
import type { IngestItem } from './index.js';
import { AnalysePool, type PoolResult } from './pool.js';

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
}

/** Up to this many reports are analysed on the main thread: a thread costs seconds to warm up (lexicons, gazetteer). */
const POOL_AFTER = 8;
const DEFAULT_BATCH = 100;

export class Analyser {
  private pool: AnalysePool | null = null;
  private extraction: ExtractConfiguration | undefined;
  private readonly threads: number;

  /** `expected`: how many reports are coming, when known; small inputs start no threads. */
  constructor(threads = availableParallelism(), private readonly actorFiles: string[] | null = null, expected: number | null = null) {
    this.threads = expected !== null && expected <= POOL_AFTER ? 1 : threads;
  }

  analyse(raw: RawReport): Promise<PoolResult> {
    if (this.threads > 1) {
      this.pool ??= new AnalysePool(this.threads, this.actorFiles);
      return this.pool.analyse(raw);
    }
    try {
      if (this.actorFiles) this.extraction ??= createConfiguration(loadLexicons(this.actorFiles));
      const { report, drafts } = analyse(raw, { extraction: this.extraction });
      return Promise.resolve({ ok: true, analysis: { report, drafts } });
    } catch (error) {
      return Promise.resolve({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** How many reports may be in flight: enough to keep every thread busy. */
  get window(): number {
    return Math.max(1, this.threads) * 16;
  }

  close(): Promise<void> {
    return this.pool?.close() ?? Promise.resolve();
  }
}

export function emptySummary(): IngestSummary {
  return { reportsRead: 0, reportsStored: 0, duplicates: 0, incidentsCreated: 0, incidentsMerged: 0, errors: [], withoutPublicationDate: [] };
}

/** Ingests items; each bad one is reported on stderr and in the summary, and the rest go on. */
export async function ingestItems(store: Store, items: AsyncIterable<IngestItem>, options: IngestRunOptions = {}): Promise<IngestSummary> {
  const summary = emptySummary();
  const ownAnalyser = !options.analyser;
  const analyser = options.analyser ?? new Analyser();
  const inFlight: Array<{ origin: string; result: Promise<PoolResult> }> = [];
  let batch: Stored[] = [];

  const fail = (item: string, error: string) => {
    summary.errors.push({ item, error });
    process.stderr.write(`error: ${item}: ${error}\n`);
  };

  const flush = async () => {
    const items = batch;
    batch = [];
    try {
      await storeBatch(store, items, summary, fail);
    } catch (error) {
      // The batch's transaction stored nothing. One bad item must not cost the others: store
      // them one by one, each in its own transaction, and name the one the database refuses.
      if (items.length === 1) return fail(items[0]!.origin, notStored(error));
      for (const item of items) {
        await storeBatch(store, [item], summary, fail).catch((e: unknown) => fail(item.origin, notStored(e)));
      }
    }
  };

  const settleOldest = async () => {
    const { origin, result } = inFlight.shift()!;
    const outcome = await result;
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
      inFlight.push({ origin: item.report.origin, result: analyser.analyse(storableReport(item.report)) });
      if (inFlight.length >= analyser.window) await settleOldest();
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

/** Reconciles and writes reports in one transaction; the summary counts them, and their failures, only once it commits. */
async function storeBatch(store: Store, items: Stored[], summary: IngestSummary, fail: (item: string, error: string) => void): Promise<void> {
  const writer = new BatchWriter(store);
  await writer.prepare(items.map((b) => b.analysis));
  const outcomes = [];
  const failures: Array<[string, string]> = [];
  for (const { origin, analysis } of items) {
    try {
      outcomes.push(await storeAnalysis(origin, analysis, writer));
    } catch (error) {
      failures.push([origin, error instanceof Error ? error.message : String(error)]);
    }
  }
  const takenMeanwhile = new Set(await writer.flush());
  for (const [origin, error] of failures) fail(origin, error);
  for (const outcome of outcomes) {
    if (outcome.missingPublished) summary.withoutPublicationDate.push(outcome.origin);
    if (!outcome.stored || takenMeanwhile.has(outcome.reportId)) {
      summary.duplicates++;
      continue;
    }
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
