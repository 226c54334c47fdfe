// A worker-thread pool for `analyse()`, so cleaning, extraction and geocoding use every core
// while the main thread reconciles and writes. A thread that dies fails only its own report
// and is replaced.
import { Worker } from 'node:worker_threads';
import type { Analysis } from '../pipeline.js';
import type { RawReport } from '../types.js';

export type PoolResult = { ok: true; analysis: Analysis } | { ok: false; error: string };

interface Task {
  raw: RawReport;
  resolve: (result: PoolResult) => void;
}

export class AnalysePool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly waiting: Task[] = [];
  private closed = false;

  constructor(
    readonly size: number,
    private readonly actorFiles: string[] | null = null,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  analyse(raw: RawReport): Promise<PoolResult> {
    return new Promise((resolve) => {
      this.waiting.push({ raw, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./analyse-worker.js', import.meta.url), { workerData: { actorFiles: this.actorFiles } });
    worker.on('message', (result: PoolResult) => this.settle(worker, result));
    worker.on('error', (error) => this.replace(worker, `analysis thread failed: ${error.message}`));
    worker.on('exit', (code) => this.replace(worker, `analysis thread exited with code ${code}`));
    return worker;
  }

  private settle(worker: Worker, result: PoolResult): void {
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    this.idle.push(worker);
    task?.resolve(result);
    this.dispatch();
  }

  private replace(worker: Worker, error: string): void {
    if (this.closed) return;
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    if (!task && index < 0) return; // already replaced ('error' is followed by 'exit')
    task?.resolve({ ok: false, error });
    this.idle.push(this.spawn());
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.waiting.shift()!;
      this.busy.set(worker, task);
      worker.postMessage(task.raw);
    }
  }
}
