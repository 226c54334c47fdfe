// merge, split and history as a user runs them: the built bin on a fresh PGlite directory.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { vigil } from './cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-decisions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const data = ['--data', join(dir, 'data')];

it('merges two incidents, splits them again, and prints the history with who and why', async () => {
  writeFileSync(join(dir, 'idlib.txt'), 'An airstrike killed nine civilians in Idlib on Monday, the Syrian Observatory for Human Rights said.\n');
  writeFileSync(join(dir, 'ariha.txt'), 'Thirteen people were killed in an air strike on Ariha on Monday, a local rescuer told Reuters.\n');
  expect((await vigil(['ingest', join(dir, 'idlib.txt'), join(dir, 'ariha.txt'), '--published', '2024-03-05', ...data])).code).toBe(0);
  const incidents = JSON.parse((await vigil(['incidents', '--json', ...data])).stdout) as Array<{ event_id: string; claims: Array<{ report_id: string }> }>;
  expect(incidents).toHaveLength(2);
  const [a, b] = incidents.map((i) => i.event_id) as [string, string];
  const reportOfB = incidents[1]!.claims[0]!.report_id;

  const merge = await vigil(['merge', a, b, '--reason', 'one strike', '--actor', 'analyst', '--json', ...data]);
  expect(merge.code, merge.stderr).toBe(0);
  expect(JSON.parse(merge.stdout)[0].reportIds).toHaveLength(2);

  const split = await vigil(['split', a, reportOfB.slice(0, 12), '--reason', 'two strikes', ...data]);
  expect(split.code, split.stderr).toBe(0);
  expect(split.stdout.trim().split('\n')).toHaveLength(2);

  const history = JSON.parse((await vigil(['history', a, '--json', ...data])).stdout) as Array<{ action: string; actor: string; reason: string }>;
  expect(history.map((e) => [e.action, e.reason])).toEqual([['merge', 'one strike'], ['split', 'two strikes']]);
  expect(history[0]!.actor).toBe('analyst');
  expect(history[1]!.actor).not.toBe('');

  const unknown = await vigil(['merge', a, 'VIG-000000000000', ...data]);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('no incident with id VIG-000000000000');
});
