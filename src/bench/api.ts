// `vigil bench --api`: the incident API under concurrent load. Seeds a database with synthetic
// incidents (default 100,000), serves it, and lets a second process (src/bench/load.ts) send
// a mix of list and filter requests from many clients at once for a fixed time; prints p50 /
// p95 latency and throughput per request kind, on PGlite and, when reachable, PostgreSQL.
import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { Accounts } from '../auth/accounts.js';
import { buildApp } from '../serve/app.js';
import { Store, type StoreLocation } from '../store/index.js';
import { ACTORS, DAYS, FIRST_DAY, PLACES, TYPES } from './api-mix.js';
import { seededRandom } from './corpus.js';

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

/** Inserts `count` incidents (one claim each), told by one report a hundred, in a few large statements. */
export async function seedIncidents(store: Store, count: number): Promise<void> {
  const random = seededRandom(15);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const now = new Date().toISOString();
  const reportCount = Math.ceil(count / 100);
  const evidence = { text: 'killed', start: 0, end: 6, rule: 'Bench' };
  for (let r = 0; r < reportCount; r += 1000) {
    const reports = Array.from({ length: Math.min(1000, reportCount - r) }, (_, i) => ({
      id: `bench-report-${String(r + i).padStart(8, '0')}`,
      url: null,
      title: `Bench report ${r + i}`,
      source_name: pick(['Reuters', 'AFP', 'AP', 'Local radio']),
      published: null,
      raw: 'killed',
      text: 'killed',
      captions: JSON.stringify([]) as never,
      language: 'en',
      ingested_at: now,
    }));
    await store.db.insertInto('reports').values(reports).execute();
  }
  for (let start = 0; start < count; start += 1000) {
    const rows = [];
    const claims = [];
    const links = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      const place = pick(PLACES);
      const [eventType, subEventType] = pick(TYPES);
      const killed = random() < 0.3 ? 0 : Math.floor(random() ** 3 * 120);
      const day = new Date(FIRST_DAY + Math.floor(random() * DAYS) * 86_400_000).toISOString().slice(0, 10);
      const id = `VIG-bench${String(i).padStart(8, '0')}`;
      const reportId = `bench-report-${String(Math.floor(i / 100)).padStart(8, '0')}`;
      const actor1 = pick(ACTORS);
      rows.push({
        id, event_type: eventType, sub_event_type: subEventType, event_date: day, time_precision: 1,
        location: place.name, admin1: place.admin1, country: place.country,
        latitude: place.lat + (random() - 0.5), longitude: place.lon + (random() - 0.5), geo_precision: 1, geonameid: null,
        sites: JSON.stringify([]) as never, actor1, actor2: 'Civilians',
        fatalities_low: killed, fatalities_best: killed, fatalities_high: killed,
        civilian_fatalities_low: null, civilian_fatalities_high: null, injured_low: null, injured_high: null,
        sources_count: 1, notes: `On ${day}, ${actor1} in ${place.name}, ${place.country}: ${killed} killed.`,
        evidence: JSON.stringify({}) as never, role: 'main', created_at: now, updated_at: now,
        review_status: pick(['new', 'accepted', 'accepted', 'rejected']),
      });
      claims.push({ incident_id: id, report_id: reportId, position: 0, measure: 'killed', victims: 'all', qualifier: 'exact', low: killed, high: killed, vague_word: null, stance: 'asserts', speaker: null, outlet: null, actor: null, hedges: JSON.stringify([]) as never, evidence: JSON.stringify(evidence) as never, sentence: JSON.stringify(evidence) as never });
      links.push({ incident_id: id, report_id: reportId });
    }
    await store.db.insertInto('incidents').values(rows).execute();
    await store.db.insertInto('claims').values(claims).execute();
    await store.db.insertInto('incident_reports').values(links).execute();
  }
  // Fresh statistics, as autovacuum would gather on a live database, so the planner uses the indexes.
  await sql`ANALYZE`.execute(store.db);
}

interface LoadResult {
  request: string;
  latencies: number[];
}

/** Runs the load generator in a second process against `url`; resolves with each request's latencies. */
function runLoad(url: string, token: string, clients: number, seconds: number): Promise<LoadResult[]> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./load.js', import.meta.url), [url, token, String(clients), String(seconds)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve(message as LoadResult[]));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

async function benchBackend(backend: string, location: StoreLocation, options: ApiBenchOptions): Promise<ApiBenchRow[]> {
  const store = await Store.open(location);
  try {
    await seedIncidents(store, options.incidents);
    const accounts = new Accounts(store);
    await accounts.addUser('bench', 'analyst', 'bench-password-not-secret');
    const token = await accounts.createToken('bench', 'bench');
    const app = await buildApp(store);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const rows: ApiBenchRow[] = [];
      for (const clients of options.clients) {
        const results = await runLoad(url, token, clients, options.seconds);
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
