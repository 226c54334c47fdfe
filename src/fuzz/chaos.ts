// The chaos run: `vigil ingest` killed with SIGKILL at random points on one data directory, each
// next run clearing the stale lock and resuming, then one run to the end; the ledger must equal a
// clean run's (nothing lost, nothing doubled). Then `vigil ingest` beside a running server,
// several at once: every report stored once, the ledger readable after the server stops.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { narratives } from '../bench/corpus.js';
import { Store } from '../store/index.js';

export interface ChaosOptions {
  kills: number;
  reports: number;
  seed: number;
  onKill?: (done: number) => void;
}

export interface ChaosStats {
  kills: number;
  reports: number;
  lost: number;
  duplicated: number;
  sameAsCleanRun: boolean;
  besideServer: { runs: number; reports: number; lost: number; duplicated: number; readableAfter: boolean };
  seconds: number;
}

const bin = new URL('../../bin/vigil.js', import.meta.url).pathname;

export async function chaos(options: ChaosOptions): Promise<ChaosStats> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'vigil-chaos-'));
  try {
    const reports = join(dir, 'reports');
    mkdirSync(reports);
    const texts = narratives(options.reports, options.seed).map((n, i) => `${n.text} Reference chaos${i}.`);
    texts.forEach((text, i) => writeFileSync(join(reports, `r${String(i).padStart(4, '0')}.txt`), `${text}\n`));
    const ingest = (data: string, extra: string[] = []) => ['ingest', reports, '--published', '2020-06-01', '--batch', '5', '--json', '--data', join(dir, data), ...extra];

    let random = options.seed;
    const next = () => ((random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let kill = 0; kill < options.kills; kill++) {
      await runFor(ingest('killed'), 500 + next() * 9500);
      options.onKill?.(kill + 1);
    }
    const resumed = await runFor(ingest('killed'), Infinity);
    const clean = await runFor(ingest('clean'), Infinity);
    if (resumed !== 0 && resumed !== 1) throw new Error(`the run after the kills exited with ${resumed}`);
    if (clean !== 0 && clean !== 1) throw new Error(`the clean run exited with ${clean}`);
    const [a, b] = [await ledger(join(dir, 'clean')), await ledger(join(dir, 'killed'))];
    const counted = count(b.texts, options.reports);
    return {
      kills: options.kills,
      reports: options.reports,
      lost: counted.lost,
      duplicated: counted.duplicated,
      sameAsCleanRun: JSON.stringify(a) === JSON.stringify(b),
      besideServer: await besideServer(dir, reports, options.reports),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Three `vigil ingest` at once beside `vigil serve`: each sends its reports to the server. */
async function besideServer(dir: string, reports: string, total: number): Promise<ChaosStats['besideServer']> {
  const data = join(dir, 'served');
  const server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Vigil is serving')) resolve();
    });
    server.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  const runs = await Promise.all([0, 1, 2].map(() => runFor(['ingest', reports, '--published', '2020-06-01', '--data', data], Infinity)));
  const stopped = new Promise((resolve) => server.on('exit', resolve));
  server.kill('SIGTERM');
  await stopped;
  let readableAfter = true;
  let counted = { lost: total, duplicated: 0 };
  try {
    counted = count((await ledger(data)).texts, total);
  } catch {
    readableAfter = false;
  }
  if (runs.some((code) => code !== 0 && code !== 1)) readableAfter = false;
  return { runs: runs.length, reports: total, ...counted, readableAfter };
}

/** Runs the CLI; kills it with SIGKILL after `ms` unless it ends first. Resolves to its exit code (null when killed). */
function runFor(args: string[], ms: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: 'ignore' });
    const timer = Number.isFinite(ms) ? setTimeout(() => child.kill('SIGKILL'), ms) : null;
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve(code);
    });
  });
}

async function ledger(dataDir: string) {
  const store = await Store.open({ dataDir });
  try {
    const rows = await store.db.selectFrom('reports').select(['id', 'text']).orderBy('id').execute();
    const incidents = (await store.listIncidents()).map(({ id, reportIds, claims }) => ({ id, reportIds, claims: claims.length }));
    return { texts: rows.map((r) => r.text), ids: rows.map((r) => r.id), incidents };
  } finally {
    await store.close();
  }
}

function count(texts: string[], total: number): { lost: number; duplicated: number } {
  const seen = new Map<string, number>();
  for (const text of texts) for (const marker of text.match(/chaos\d+/g) ?? []) seen.set(marker, (seen.get(marker) ?? 0) + 1);
  let [lost, duplicated] = [0, 0];
  for (let i = 0; i < total; i++) {
    const n = seen.get(`chaos${i}`) ?? 0;
    if (n === 0) lost++;
    if (n > 1) duplicated++;
  }
  return { lost, duplicated };
}
