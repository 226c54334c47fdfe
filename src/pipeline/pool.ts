// A worker-thread pool for `analyse()`, so cleaning, extraction and geocoding use every core
// while the main thread reconciles and writes. Each report has a budget: a time limit and a
// memory cap (the thread's V8 heap, `resourceLimits`). A report past its time is ended by
// ending its thread; a thread past its memory dies by itself. Either way, and when a thread
// fails, only that report fails (named, with the reason) and a fresh thread takes its place.
import { Worker } from 'node:worker_threads';
import { gazetteerIndexBytes } from '../geocode/gazetteer.js';
import type { Analysis } from './index.js';
import type { RawReport } from '../types.js';

export type PoolResult = { ok: true; analysis: Analysis } | { ok: false; error: string };

export interface Budget {
  /** Wall-clock time one report may take, in milliseconds. */
  timeoutMs: number;
  /** Heap a thread may use, in megabytes (V8's old generation). */
  memoryMb: number;
}

/** The compiled thread script, reached through dist/ from src/pipeline (tests) as from dist/pipeline. */
const WORKER_SCRIPT = new URL('../../dist/pipeline/analyse-worker.js', import.meta.url);

export const DEFAULT_BUDGET: Budget = { timeoutMs: 60_000, memoryMb: 512 };

/** What a pool thread posts: 'ready' once warmed up, then one result per report. */
export type WorkerMessage = 'ready' | PoolResult;

interface Task {
  raw: RawReport;
  resolve: (result: PoolResult) => void;
}

interface Thread {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

export class AnalysePool {
  private readonly idle: Thread[] = [];
  private readonly threads = new Set<Thread>();
  private readonly waiting: Task[] = [];
  private closed = false;
  /** Threads in a row that died before they were ready: a broken installation, not a bad report. */
  private failedStarts = 0;
  private broken: string | null = null;

  constructor(
    readonly size: number,
    private readonly actorFiles: string[] | null = null,
    private readonly budget: Budget = DEFAULT_BUDGET,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  analyse(raw: RawReport): Promise<PoolResult> {
    if (this.broken) return Promise.resolve({ ok: false, error: this.broken });
    return new Promise((resolve) => {
      this.waiting.push({ raw, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.threads].map((thread) => thread.worker.terminate()));
  }

  private spawn(): void {
    const worker = new Worker(WORKER_SCRIPT, {
      workerData: { actorFiles: this.actorFiles, gazetteer: gazetteerIndexBytes() },
      resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb },
    });
    const thread: Thread = { worker, task: null, timer: null };
    this.threads.add(thread);
    worker.on('message', (message: WorkerMessage) => {
      // A thread already ended (over budget) may still deliver what it sent before: it takes no more work.
      if (!this.threads.has(thread)) return;
      if (message === 'ready') this.failedStarts = 0;
      else this.finish(thread, message);
      this.idle.push(thread);
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) =>
      this.replace(thread, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `analysis ended: over its memory budget (${this.budget.memoryMb} MB)` : `analysis thread failed: ${error.message}`),
    );
    worker.on('exit', (code) => this.replace(thread, `analysis thread exited with code ${code}`));
  }

  private finish(thread: Thread, result: PoolResult): void {
    const task = thread.task;
    if (thread.timer) clearTimeout(thread.timer);
    thread.task = null;
    thread.timer = null;
    task?.resolve(result);
  }

  /** A thread that died or was ended: its report fails with `error`, and a new thread replaces it. */
  private replace(thread: Thread, error: string): void {
    if (!this.threads.delete(thread)) return; // already replaced ('error' is followed by 'exit')
    const index = this.idle.indexOf(thread);
    if (index >= 0) this.idle.splice(index, 1);
    const started = thread.task !== null || index >= 0;
    this.finish(thread, { ok: false, error });
    if (this.closed) return;
    void thread.worker.terminate();
    if (!started && ++this.failedStarts >= 3 + this.size) {
      // Threads cannot start at all: fail what waits, and what comes, instead of respawning for ever.
      this.broken = `analysis threads cannot start: ${error}`;
      for (const task of this.waiting.splice(0)) task.resolve({ ok: false, error: this.broken });
      void this.close();
      return;
    }
    this.spawn();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const thread = this.idle.pop()!;
      const task = this.waiting.shift()!;
      thread.task = task;
      const seconds = this.budget.timeoutMs / 1000;
      thread.timer = setTimeout(() => this.replace(thread, `analysis ended: over its time budget (${seconds} s)`), this.budget.timeoutMs);
      thread.worker.postMessage(task.raw);
    }
  }
}
