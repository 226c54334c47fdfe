// The fuzz run: batches of hostile files (src/fuzz/generators.ts), each seeded with valid reports,
// ingested by the real CLI in a child process on a fresh data directory. Counted: inputs tried,
// crashes (an exit other than 0 or 1, or a signal), hangs (a run past its deadline, killed),
// reports ended over their budget, valid reports lost or stored twice, peak resident memory.
// A failing batch's files are kept for replay.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Store } from '../store/index.js';
import { hostileFile, validFile, type FuzzFile } from './generators.js';

export interface FuzzOptions {
  /** Hostile inputs in all. */
  count: number;
  /** Hostile inputs per ingest run (each run also gets `valid` valid reports). */
  batch: number;
  valid: number;
  seed: number;
  /** `--report-timeout` of the runs, in seconds. */
  reportTimeout: number;
  /** Where failing batches are kept. */
  keep: string;
  onBatch?: (done: FuzzStats) => void;
}

export interface FuzzStats {
  inputs: number;
  runs: number;
  crashes: number;
  hangs: number;
  overBudget: number;
  refused: number;
  validSent: number;
  validLost: number;
  validDuplicated: number;
  peakRssMb: number;
  byKind: Record<string, number>;
  failures: string[];
  seconds: number;
}

const bin = new URL('../../bin/vigil.js', import.meta.url).pathname;
// Through dist/ from both src/fuzz (tests) and dist/fuzz (npm run fuzz): the preload must be JavaScript.
const peakPreload = new URL('../../dist/fuzz/peak-rss.js', import.meta.url).href;

export async function fuzz(options: FuzzOptions): Promise<FuzzStats> {
  const started = Date.now();
  const stats: FuzzStats = { inputs: 0, runs: 0, crashes: 0, hangs: 0, overBudget: 0, refused: 0, validSent: 0, validLost: 0, validDuplicated: 0, peakRssMb: 0, byKind: {}, failures: [], seconds: 0 };
  for (let run = 0; stats.inputs < options.count; run++) {
    const size = Math.min(options.batch, options.count - stats.inputs);
    const hostile = fc.sample(hostileFile, { numRuns: size, seed: options.seed + run }).map((file, i) => ({ ...file, name: `${String(i).padStart(4, '0')}-${file.name}` }));
    const markers = Array.from({ length: options.valid }, (_, i) => `vigilfuzz${options.seed}r${run}v${i}`);
    const files: FuzzFile[] = [...hostile, ...markers.map(validFile)];
    // Shuffle deterministically so valid reports sit between hostile ones, in several batches.
    files.sort((a, b) => (hash(a.name + run) < hash(b.name + run) ? -1 : 1));
    const outcome = await runBatch(files, markers, options);
    stats.runs++;
    stats.inputs += size;
    stats.validSent += markers.length;
    for (const file of hostile) stats.byKind[file.kind] = (stats.byKind[file.kind] ?? 0) + 1;
    stats.overBudget += outcome.overBudget;
    stats.refused += outcome.refused;
    stats.validLost += outcome.lost;
    stats.validDuplicated += outcome.duplicated;
    stats.peakRssMb = Math.max(stats.peakRssMb, outcome.peakRssMb);
    if (outcome.crashed) stats.crashes++;
    if (outcome.hung) stats.hangs++;
    if (outcome.problem) {
      const kept = join(options.keep, `seed-${options.seed}-run-${run}`);
      cpSync(outcome.inputs, kept, { recursive: true });
      stats.failures.push(`${outcome.problem} (inputs kept in ${kept})`);
    }
    rmSync(outcome.dir, { recursive: true, force: true });
    stats.seconds = (Date.now() - started) / 1000;
    options.onBatch?.(stats);
  }
  return stats;
}

interface BatchOutcome {
  dir: string;
  inputs: string;
  crashed: boolean;
  hung: boolean;
  overBudget: number;
  refused: number;
  lost: number;
  duplicated: number;
  peakRssMb: number;
  problem: string | null;
}

async function runBatch(files: FuzzFile[], markers: string[], options: FuzzOptions): Promise<BatchOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-fuzz-'));
  const inputs = join(dir, 'inputs');
  mkdirSync(inputs);
  for (const file of files) writeFileSync(join(inputs, file.name), file.bytes);
  const peakFile = join(dir, 'peak-rss');
  // A run may take each report's budget and a minute besides; past that it hangs.
  const deadlineMs = (files.length * options.reportTimeout + 120) * 1000;
  const args = ['--import', peakPreload, bin, 'ingest', inputs, '--published', '2020-06-01', '--report-timeout', String(options.reportTimeout), '--timeout', '2', '--json', '--data', join(dir, 'data')];
  const { code, signal, stdout, stderr, hung } = await run(process.execPath, args, { ...process.env, VIGIL_PEAK_RSS_FILE: peakFile }, deadlineMs);
  const crashed = !hung && (signal !== null || (code !== 0 && code !== 1));
  let summary: { errors: Array<{ item: string; error: string }> } = { errors: [] };
  try {
    summary = JSON.parse(stdout);
  } catch {
    // a crash or a hang: no summary
  }
  const found = await markersStored(join(dir, 'data'), markers);
  const lost = markers.filter((m) => (found.get(m) ?? 0) === 0).length;
  const duplicated = markers.filter((m) => (found.get(m) ?? 0) > 1).length;
  const peakRssMb = Number(readText(peakFile) ?? 0) / 1024;
  const problems = [crashed && `crashed (exit ${code}, signal ${signal}): ${stderr.slice(-500)}`, hung && 'hung (killed at its deadline)', lost && `${lost} valid report(s) lost`, duplicated && `${duplicated} valid report(s) stored twice`].filter(Boolean);
  return {
    dir,
    inputs,
    crashed,
    hung,
    overBudget: summary.errors.filter((e) => / over its (?:time|memory) budget/.test(e.error)).length,
    refused: summary.errors.length,
    lost,
    duplicated,
    peakRssMb,
    problem: problems.length > 0 ? problems.join('; ') : null,
  };
}

async function markersStored(dataDir: string, markers: string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  let store: Store;
  try {
    store = await Store.open({ dataDir });
  } catch {
    return found;
  }
  try {
    const rows = await store.db.selectFrom('reports').select('text').where('text', 'like', '%vigilfuzz%').execute();
    for (const { text } of rows) for (const marker of text.match(/vigilfuzz\w+/g) ?? []) if (markers.includes(marker)) found.set(marker, (found.get(marker) ?? 0) + 1);
  } finally {
    await store.close();
  }
  return found;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, deadlineMs: number): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; hung: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let [stdout, stderr, hung] = ['', '', false];
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, deadlineMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, hung });
    });
  });
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
