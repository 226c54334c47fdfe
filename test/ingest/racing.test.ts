// Two writers at once on one PostgreSQL database: two `vigil ingest` runs on overlapping folders
// cluster under one advisory lock, so they store what one run after the other stores: no
// duplicate incident, no lost claim, no report left without its incident.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyse, processReport, storeAnalysis } from '../../src/pipeline/index.js';
import { Store } from '../../src/store/index.js';
import type { StoreLocation } from '../../src/store/connect.js';
import { dropSchema, freshLocation, postgresAvailable } from '../backends.js';
import { vigil } from '../cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-race-'));
const towns = ['Ariha', 'Saraqib', 'Maarat al-Numan', 'Jisr al-Shughur', 'Kafr Nabl', 'Khan Shaykhun', 'Sarmada', 'Binnish'];
const locations: StoreLocation[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (postgresAvailable) for (const location of locations) await dropSchema(location);
});

/** Two reports of each strike, by two outlets; the first folder has every first report and half the second ones, the other the rest and an overlap. */
function writeFolders(): [string, string] {
  const [one, two] = [join(dir, 'one'), join(dir, 'two')];
  mkdirSync(one);
  mkdirSync(two);
  towns.forEach((town, i) => {
    const first = `An air strike killed ${i + 3} civilians in the town of ${town} in Idlib province on Monday, the Syrian Observatory for Human Rights said.\n`;
    const second = `${i + 14} people were killed when warplanes struck a market in ${town}, in Syria's Idlib province, on Monday, a local rescuer told Reuters.\n`;
    writeFileSync(join(one, `${i}-a.txt`), first);
    writeFileSync(join(i % 2 === 0 ? one : two, `${i}-b.txt`), second);
    writeFileSync(join(two, `${i}-b.txt`), second);
    if (i % 3 === 0) writeFileSync(join(two, `${i}-a.txt`), first);
  });
  return [one, two];
}

async function stored(location: StoreLocation) {
  const store = await Store.open(location);
  try {
    const incidents = await store.listIncidents();
    const orphans = await store.db.selectFrom('reports').select('id').where(({ not, exists, selectFrom }) => not(exists(selectFrom('incident_reports').select('report_id').whereRef('incident_reports.report_id', '=', 'reports.id')))).execute();
    return { counts: await store.counts(), incidents: incidents.map((i) => `${i.place?.name}:${i.reportIds.length}`).sort(), orphans: orphans.length };
  } finally {
    await store.close();
  }
}

describe.runIf(postgresAvailable)('two ingests racing on PostgreSQL', () => {
  it('store what one after the other stores', { timeout: 180_000 }, async () => {
    const [one, two] = writeFolders();
    const ingest = (folder: string, location: StoreLocation) =>
      vigil(['ingest', folder, '--published', '2024-03-05', '--batch', '2', '--jobs', '1', '--json'], { VIGIL_DATABASE_URL: location.databaseUrl!, VIGIL_DATABASE_SCHEMA: location.schema! });
    const [inTurn, racing] = [freshLocation('postgres'), freshLocation('postgres')];
    locations.push(inTurn, racing);
    for (const folder of [one, two]) expect((await ingest(folder, inTurn)).code).toBe(0);
    // Create the schema first, so that the two runs race on clustering, not on migrating.
    await (await Store.open(racing)).close();
    const results = await Promise.all([ingest(one, racing), ingest(two, racing)]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);

    const expected = await stored(inTurn);
    expect(expected.counts).toMatchObject({ reports: 16, incidents: towns.length });
    expect(expected.orphans).toBe(0);
    expect(await stored(racing)).toEqual(expected);
    const summaries = results.map((r) => JSON.parse(r.stdout));
    expect(summaries.reduce((n, s) => n + s.reportsStored, 0)).toBe(16);
    expect(summaries.reduce((n, s) => n + s.incidentsCreated, 0)).toBe(towns.length);
  });
});

describe.runIf(postgresAvailable)('the clustering lock on PostgreSQL', () => {
  it('holds a second writer until the first commits, so the second merges into its incident', { timeout: 120_000 }, async () => {
    const location = freshLocation('postgres');
    locations.push(location);
    const [first, second] = [await Store.open(location), await Store.open(location)];
    let release = () => {};
    try {
      const report = (content: string) => ({ origin: content.slice(0, 20), url: null, title: null, sourceName: null, published: '2024-03-05', format: 'text' as const, content });
      const a = analyse(report('An air strike killed nine civilians in the town of Ariha in Idlib province on Monday, the Syrian Observatory for Human Rights said.'));
      const held = new Promise<void>((resolve) => (release = resolve));
      const firstWrite = first.serialised(async (tx) => {
        const outcome = await storeAnalysis('a', a, tx);
        await held;
        return outcome;
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const secondWrite = processReport(report("Thirteen people were killed when warplanes struck a market in Ariha, in Syria's Idlib province, on Monday, a local rescuer told Reuters."), second);
      const finishedFirst = await Promise.race([secondWrite.then(() => 'second'), new Promise((resolve) => setTimeout(() => resolve('still held'), 1500))]);
      expect(finishedFirst).toBe('still held');
      release();
      expect(await firstWrite).toMatchObject({ stored: true, incidentsCreated: 1 });
      expect(await secondWrite).toMatchObject({ stored: true, incidentsMerged: 1 });
      expect((await first.counts()).incidents).toBe(1);
    } finally {
      release();
      await first.close();
      await second.close();
    }
  });
});
