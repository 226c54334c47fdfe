// A batch killed with SIGKILL at random points and run again ends with every report stored
// exactly once, the same as one clean run (counts, reports and incidents).
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { killAfter, vigil, writeReports } from '../cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function snapshot(dataDir: string) {
  const store = await Store.open({ dataDir });
  try {
    const reports = await store.db.selectFrom('reports').select(['id', 'url', 'text', 'published', 'previous_version_id']).orderBy('id').execute();
    return { counts: await store.counts(), reports, incidents: await store.listIncidents() };
  } finally {
    await store.close();
  }
}

it('stores every report exactly once after SIGKILLs at random points and a rerun', { timeout: 240_000 }, async () => {
  const reports = join(dir, 'reports');
  mkdirSync(reports);
  writeReports(reports, 40, 21);
  const args = (data: string, jobs: string) => ['ingest', reports, '--published', '2020-06-01', '--batch', '5', '--jobs', jobs, '--json', '--data', join(dir, data)];

  const killPoints = [1 + Math.random() * 7, 3 + Math.random() * 7].map((s) => Math.round(s * 1000));
  const interrupted = (async () => {
    for (const ms of killPoints) await killAfter(args('killed', '2'), ms);
    return vigil(args('killed', '1'));
  })();
  const [clean, resumed] = await Promise.all([vigil(args('clean', '1')), interrupted]);
  expect(clean.code).toBe(0);
  expect(resumed.code, `killed at ${killPoints.join(', ')} ms: ${resumed.stderr}`).toBe(0);
  const summary = JSON.parse(resumed.stdout);
  expect(summary.reportsStored + summary.duplicates).toBe(40);

  const [a, b] = [await snapshot(join(dir, 'clean')), await snapshot(join(dir, 'killed'))];
  expect(a.counts.reports).toBe(40);
  expect(b.counts, `killed at ${killPoints.join(', ')} ms`).toEqual(a.counts);
  expect(b.reports).toEqual(a.reports);
  expect(b.incidents).toEqual(a.incidents);
});
