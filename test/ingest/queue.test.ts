// Across machines: reports enqueued in PostgreSQL (pg-boss), drained by two workers at once.
// Every report is stored exactly once, even when the same reports are enqueued twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { dropSchema, freshLocation, postgresAvailable } from '../backends.js';
import { vigil, writeReports } from '../cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-queue-'));
const location = freshLocation('postgres');
const env = { VIGIL_DATABASE_URL: location.databaseUrl!, VIGIL_DATABASE_SCHEMA: location.schema! };

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (!postgresAvailable) return;
  await dropSchema(location);
  const client = new pg.Client({ connectionString: location.databaseUrl! });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${location.schema}_queue CASCADE`);
  await client.end();
});

describe.runIf(postgresAvailable)('job queue on PostgreSQL', () => {
  it('two workers drain the queue; nothing is stored twice', { timeout: 180_000 }, async () => {
    writeReports(dir, 30, 33);
    for (let i = 0; i < 2; i++) {
      const enqueued = await vigil(['ingest', '--enqueue', dir, '--published', '2020-06-01', '--json'], env);
      expect(enqueued.code, enqueued.stderr).toBe(0);
      expect(JSON.parse(enqueued.stdout)).toMatchObject({ reportsRead: 30, errors: [] });
    }
    const worker = () => vigil(['worker', '--until-empty', '--batch', '10', '--jobs', '1', '--poll', '0.5', '--json'], env);
    const results = await Promise.all([worker(), worker()]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const summaries = results.map((r) => JSON.parse(r.stdout));
    expect(summaries.reduce((n, s) => n + s.reportsRead, 0)).toBe(60);
    expect(summaries.reduce((n, s) => n + s.reportsStored, 0)).toBe(30);

    const store = await Store.open(location);
    try {
      expect((await store.counts()).reports).toBe(30);
    } finally {
      await store.close();
    }
  });

  it('says what is missing when no PostgreSQL is configured', async () => {
    const result = await vigil(['worker', '--until-empty'], { VIGIL_DATABASE_URL: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/set VIGIL_DATABASE_URL/);
  });
});
