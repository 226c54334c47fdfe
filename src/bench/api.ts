// `vigil bench --api`: the incident API under concurrent load. Seeds a database with synthetic
// incidents (default 100,000), serves it, and lets a second process (src/bench/load.ts) send
// a mix of list and filter requests from many clients at once for a fixed time; prints p50 /
// p95 latency and throughput per request kind, on PGlite and, when reachable, PostgreSQL.
import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { Accounts } from '../auth/accounts.js';
import { buildApp } from '../serve/app.js';
import { Store, type StoreLocation } from '../store/index.js';
import { seedIncidents, type SeededShape } from './seed.js';

export interface ApiBenchOptions {
  incidents: number;
  /** Concurrent clients of each run, one run after another on the same database. */
  clients: number[];
  seconds: number;
  /** PostgreSQL to bench on too (a fresh schema, dropped afterwards); null for PGlite only. */
  databaseUrl: string | null;
}

export interface ApiBenchRow {
  backend: string;
  clients: number;
  request: string;
  requests: number;
  p50: number;
  p95: number;
  perSecond: number;
}

interface LoadResult {
  request: string;
  latencies: number[];
}

/** Runs the load generator in a second process against `url`; resolves with each request's latencies. */
function runLoad(url: string, token: string, clients: number, seconds: number, shape: SeededShape): Promise<LoadResult[]> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./load.js', import.meta.url), [url, token, String(clients), String(seconds), JSON.stringify(shape)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve(message as LoadResult[]));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

async function benchBackend(backend: string, location: StoreLocation, options: ApiBenchOptions): Promise<ApiBenchRow[]> {
  const store = await Store.open(location);
  try {
    const shape = await seedIncidents(store, options.incidents);
    const accounts = new Accounts(store);
    await accounts.addUser('bench', 'analyst', 'bench-password-not-secret');
    const token = await accounts.createToken('bench', 'bench');
    const app = await buildApp(store);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const rows: ApiBenchRow[] = [];
      for (const clients of options.clients) {
        const results = await runLoad(url, token, clients, options.seconds, shape);
        for (const { request, latencies } of [...results, { request: 'all requests', latencies: results.flatMap((r) => r.latencies) }]) {
          const sorted = [...latencies].sort((a, b) => a - b);
          rows.push({ backend, clients, request, requests: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), perSecond: sorted.length / options.seconds });
        }
      }
      return rows;
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
  }
}

export async function runApiBench(options: ApiBenchOptions): Promise<ApiBenchRow[]> {
  const rows = await benchBackend('PGlite', { dataDir: 'memory://' }, options);
  if (options.databaseUrl) {
    const schema = `vigil_bench_${process.pid}`;
    try {
      rows.push(...(await benchBackend('PostgreSQL', { databaseUrl: options.databaseUrl, schema }, options)));
    } finally {
      const client = new pg.Client({ connectionString: options.databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }
  return rows;
}

export function formatApiBench(rows: ApiBenchRow[], options: ApiBenchOptions): string {
  const header = ['backend', 'clients', 'request', 'requests', 'p50 ms', 'p95 ms', 'req/s'];
  const cells = rows.map((r) => [r.backend, String(r.clients), r.request, String(r.requests), r.p50.toFixed(1), r.p95.toFixed(1), r.perSecond.toFixed(1)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => (i === 1 || i >= 3 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join(' | ')} |`;
  return [
    `${options.incidents.toLocaleString('en-US')} incidents, ${options.clients.join(', ')} concurrent clients in a second process (no pause between requests), ${options.seconds} s a run; goal p95 < 50 ms`,
    '',
    line(header),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...cells.map(line),
  ].join('\n');
}
