// The fuzz suite's bounded sample for CI (the long run is `npm run fuzz -- --count 10000`): a few
// hundred generated hostile inputs, with valid reports among them, through the real CLI. No
// crash, no hang, no valid report lost or doubled.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fuzz } from '../src/fuzz/fuzz.js';

const keep = mkdtempSync(join(tmpdir(), 'vigil-fuzz-kept-'));
afterAll(() => rmSync(keep, { recursive: true, force: true }));

it('survives 200 hostile inputs: no crash, no hang, every valid report stored once', { timeout: 600_000 }, async () => {
  const seed = Math.floor(Math.random() * 1_000_000);
  const stats = await fuzz({ count: 200, batch: 200, valid: 10, seed, reportTimeout: 8, keep });
  const context = `seed ${seed} (replay: npm run fuzz -- --count 200 --batch 200 --valid 10 --seed ${seed} --report-timeout 8): ${stats.failures.join('\n')}`;
  expect(stats.inputs).toBe(200);
  expect(stats.crashes, context).toBe(0);
  expect(stats.hangs, context).toBe(0);
  expect(stats.validLost, context).toBe(0);
  expect(stats.validDuplicated, context).toBe(0);
});
