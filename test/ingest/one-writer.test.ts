// One writer per data directory (issue 12, failure 1): two processes on one PGlite directory
// corrupted it. A server holding the directory takes `vigil ingest`'s reports itself; any
// other holder is named and the second process refused; a lock left by kill -9 is cleared.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readIngestToken, Store } from '../../src/store/index.js';
import { bin, startServer, vigil, waitForFile, writeReports } from '../cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-one-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function reportsDir(name: string, count: number, seed: number): string {
  const path = join(dir, name);
  mkdirSync(path);
  writeReports(path, count, seed);
  return path;
}

async function ledger(dataDir: string) {
  const store = await Store.open({ dataDir });
  try {
    const ids = await store.db.selectFrom('reports').select('id').execute();
    return { counts: await store.counts(), distinctReports: new Set(ids.map((r) => r.id)).size, incidents: await store.listIncidents() };
  } finally {
    await store.close();
  }
}

it('sends `vigil ingest` beside a running server to it: shown at once, kept after the server stops', { timeout: 180_000 }, async () => {
  const data = join(dir, 'served');
  const reports = reportsDir('for-server', 6, 7);
  const server = await startServer(['serve', '--port', '0', '--data', data]);
  try {
    const ingest = await vigil(['ingest', reports, '--published', '2020-06-01', '--json', '--data', data]);
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(ingest.stderr).toContain(`is served by \`vigil serve\``);
    const summary = JSON.parse(ingest.stdout);
    expect(summary).toMatchObject({ reportsRead: 6, reportsStored: 6, errors: [] });
    // The data directory's ingest token reads as an analyst would.
    const token = readIngestToken(data);
    const shown = (await (await fetch(`${server.url}api/incidents?limit=500`, { headers: { authorization: `Bearer ${token}` } })).json()) as { incidents: unknown[] };
    expect(shown.incidents).toHaveLength(summary.incidentsCreated);

    // Other commands are refused while the server holds the directory, with what to do instead.
    const list = await vigil(['incidents', '--data', data]);
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(/in use by `vigil serve` \(pid \d+.*\n.*served at http:\/\/127\.0\.0\.1:\d+\//);

    // The same reports again are recognised by the server.
    const again = JSON.parse((await vigil(['ingest', reports, '--published', '2020-06-01', '--json', '--data', data])).stdout);
    expect(again).toMatchObject({ reportsStored: 0, duplicates: 6 });
  } finally {
    expect(await server.stop()).toBe(0);
  }
  const after = await ledger(data);
  expect(after.counts.reports).toBe(6);
  expect(after.incidents.length).toBeGreaterThan(0);
});

it('refuses a second `vigil ingest` on a directory another one is writing, naming it; nothing is lost or doubled', { timeout: 180_000 }, async () => {
  const data = join(dir, 'shared');
  const first = reportsDir('first', 150, 11);
  const second = reportsDir('second', 5, 12);
  const child = spawn(process.execPath, [bin, 'ingest', first, '--published', '2020-06-01', '--jobs', '1', '--json', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await waitForFile(join(data, 'vigil.lock'));
  const refused = await vigil(['ingest', second, '--published', '2020-06-01', '--data', data]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(new RegExp(`in use by \`vigil ingest\` \\(pid ${child.pid}, since .*\\n.*Wait for it to finish`));
  expect(await exited).toBe(0);
  expect(JSON.parse(stdout)).toMatchObject({ reportsStored: 150 });
  const after = await ledger(data);
  expect(after.counts.reports).toBe(150);
  expect(after.distinctReports).toBe(150);
});

it('clears the lock of a process killed with SIGKILL, and the next run stores everything once', { timeout: 180_000 }, async () => {
  const data = join(dir, 'killed');
  const reports = reportsDir('to-kill', 30, 13);
  const child = spawn(process.execPath, [bin, 'ingest', reports, '--published', '2020-06-01', '--jobs', '1', '--batch', '5', '--data', data], { stdio: 'ignore' });
  await waitForFile(join(data, 'vigil.lock'));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.on('exit', resolve));
  const rerun = await vigil(['ingest', reports, '--published', '2020-06-01', '--json', '--data', data]);
  expect(rerun.code, rerun.stderr).toBe(0);
  const summary = JSON.parse(rerun.stdout);
  expect(summary.reportsStored + summary.duplicates).toBe(30);
  const after = await ledger(data);
  expect(after.counts.reports).toBe(30);
  expect(after.distinctReports).toBe(30);
});
