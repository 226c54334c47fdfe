// Budgets (issue 12, failure 4): there was no time or memory limit per report, and analysis could
// run on the main thread. Now each report is analysed on a worker thread within --report-timeout
// and --report-memory; one past its budget is ended and named, and the pool goes on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { narratives } from '../../src/bench/corpus.js';
import { vigil } from '../cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-budget-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
}

const valid = () => ['Idlib', 'Hama'].map((place) => file(`ok-${place}.txt`, `Three civilians were killed in shelling on ${place} on Tuesday, officials said.\n`));

it('ends a report past its time budget, names it, and stores the others', { timeout: 180_000 }, async () => {
  // Hundreds of incidents, each geocoded among hundreds of place names: minutes of work.
  const slow = file('slow.txt', narratives(400, 4).map((n) => n.text).join('\n'));
  const run = await vigil(['ingest', slow, ...valid(), '--published', '2020-06-01', '--report-timeout', '10', '--json', '--data', join(dir, 'time')]);
  expect(run.code, run.stderr).toBe(1);
  expect(JSON.parse(run.stdout)).toMatchObject({ reportsStored: 2, errors: [{ item: slow, error: 'analysis ended: over its time budget (10 s)' }] });
});

it('ends a report past its memory budget, names it, and stores the others', { timeout: 180_000 }, async () => {
  const huge = file('huge.html', `<html><body>${narratives(30_000, 5).map((n) => `<table><tr><td><p>${n.text}</p></td></tr></table>`).join('')}</body></html>`);
  const run = await vigil(['ingest', huge, ...valid(), '--published', '2020-06-01', '--report-memory', '48', '--json', '--data', join(dir, 'memory')]);
  expect(run.code, run.stderr).toBe(1);
  expect(JSON.parse(run.stdout)).toMatchObject({ reportsStored: 2, errors: [{ item: huge, error: 'analysis ended: over its memory budget (48 MB)' }] });
});
