// The same storage tests on both back ends: same schema, same queries, same results.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterItemOf } from '../src/reconcile/cluster.js';
import { Store } from '../src/store/index.js';
import type { StoreLocation } from '../src/store/connect.js';
import type { Incident, Report } from '../src/types.js';
import { backends, dropSchema, freshLocation } from './backends.js';

const report: Report = {
  id: 'a'.repeat(64),
  url: 'https://example.org/a',
  title: 'Strike',
  sourceName: 'Example News',
  published: '2014-11-26',
  raw: 'raw text',
  text: 'At least 63 people were killed.',
  captions: ['Photo: someone'],
  language: 'en',
  ingestedAt: '2026-01-01T00:00:00.000Z',
  tallies: [],
};

const incident: Incident = {
  id: 'VIG-000000000001',
  role: 'main',
  eventType: 'Explosions/Remote violence',
  subEventType: 'Air/drone strike',
  date: '2014-11-25',
  timePrecision: 1,
  place: { name: 'Ar Raqqah', admin1: 'Ar Raqqah', country: 'Syria', latitude: 35.95, longitude: 39.01, geoPrecision: 1, sites: ['al-Hani mosque'], geonameId: 172955 },
  actor1: 'Military Forces of Syria',
  actor2: null,
  claims: [
    {
      measure: 'killed',
      victims: 'all',
      qualifier: 'at_least',
      low: 63,
      high: 63,
      vagueWord: null,
      stance: 'asserts',
      speaker: 'SOHR',
      outlet: null,
      hedges: ['expected to rise'],
      actor: null,
      evidence: { start: 0, end: 30, text: 'At least 63 people were killed', rule: 'PassiveCasualtyRule' },
      sentence: { start: 0, end: 31, text: 'At least 63 people were killed.', rule: 'AccordingToRule' },
      reportId: 'a'.repeat(64),
      // Not a column of its own: read with the claim from its report.
      published: '2014-11-26',
    },
  ],
  fatalities: { low: 63, best: 63, high: 70 },
  civilianFatalities: { low: 36, high: 63 },
  injured: { low: 12, high: 12 },
  sourcesCount: 2,
  grade: 'fair',
  gradeReason: 'two independent sources',
  attribution: [{ actor: 'Military Forces of Syria', allege: ['SOHR'], confirm: [], deny: [] }],
  flags: [{ kind: 'conflicting-figures', detail: '63 (SOHR) vs 70' }],
  signature: [1, 2, 3],
  reportIds: ['a'.repeat(64)],
  evidence: { date: [{ start: 5, end: 10, text: 'x', rule: 'DateRule' }] },
  notes: 'A note.',
};

describe.each(backends)('store on %s', (backend) => {
  let store: Store;
  let location: StoreLocation;

  beforeAll(async () => {
    location = freshLocation(backend);
    store = await Store.open(location);
  });
  afterAll(async () => {
    await store?.close();
    await dropSchema(location);
  });

  it('stores a report once, keyed by its clean-text hash', async () => {
    expect(await store.saveIngested(report, [incident])).toBe(true);
    expect(await store.saveIngested(report, [incident])).toBe(false);
    expect(await store.counts()).toEqual({ reports: 1, incidents: 1, claims: 1 });
    expect(await store.getReport(report.id)).toEqual(report);
  });

  it('returns incidents with the same types it was given', async () => {
    expect(await store.getIncident(incident.id)).toEqual(incident);
    expect(await store.listIncidents()).toEqual([incident]);
  });

  it('filters by text, country and dates', async () => {
    expect(await store.listIncidents({ q: 'raqqah' })).toHaveLength(1);
    expect(await store.listIncidents({ q: 'kabul' })).toHaveLength(0);
    expect(await store.listIncidents({ q: '100%_' })).toHaveLength(0);
    expect(await store.listIncidents({ country: 'Syria', from: '2014-11-25', to: '2014-11-25' })).toHaveLength(1);
    expect(await store.listIncidents({ from: '2014-11-26' })).toHaveLength(0);
  });

  it('filters case-insensitively, by area, toll and review, and pages by cursor with a total', async () => {
    for (const [n, date, killed] of [[2, '2014-11-20', 5], [3, '2014-11-30', 100]] as const) {
      await store.saveIncident({ ...incident, id: `VIG-00000000000${n}`, date, fatalities: { low: killed, best: killed, high: killed }, grade: n === 2 ? 'contested' : incident.grade });
    }
    const ids = async (query: Parameters<Store['incidentPage']>[0]) => (await store.incidentPage(query)).incidents.map((i) => i.id.slice(-1));
    expect(await ids({ country: 'syria', admin1: 'AR RAQQAH', actor: 'military' })).toEqual(['3', '1', '2']);
    expect(await ids({ bbox: [39, 35, 40, 36], minFatalities: 60 })).toEqual(['3', '1']);
    expect(await ids({ bbox: [170, -10, -170, 10] })).toEqual([]);
    expect(await ids({ sort: 'fatalities', order: 'asc' })).toEqual(['2', '1', '3']);
    expect(await ids({ grade: ['contested'] })).toEqual(['2']);
    expect(await store.setReview('VIG-000000000002', 'accepted', 'someone')).toBe(true);
    expect(await ids({ reviewStatus: ['accepted'] })).toEqual(['2']);
    expect(await store.review('VIG-000000000002')).toMatchObject({ status: 'accepted', by: 'someone' });
    const first = await store.incidentPage({ limit: 2 });
    expect(first.incidents.map((i) => i.id.slice(-1))).toEqual(['3', '1']);
    expect(await ids({ limit: 2, cursor: first.nextCursor! })).toEqual(['2']);
    expect((await store.incidentList({ country: 'SYRIA', limit: 2 })).total).toBe(3);
    expect((await store.incidentList({ country: 'SYRIA', limit: 3 })).total).toBe(3);
    for (const id of ['VIG-000000000002', 'VIG-000000000003']) await store.db.deleteFrom('incidents').where('id', '=', id).execute();
  });

  it('keeps the list total until a statement writes to incidents, whoever writes it', async () => {
    const ids = ['VIG-0000000000c1', 'VIG-0000000000c2', 'VIG-0000000000c3'];
    for (const id of ids) await store.saveIncident({ ...incident, id, actor1: 'Cache Test Forces' });
    // A full first page (limit 1) is counted; a page that is not full is its own total.
    const total = async () => (await store.incidentList({ actor: 'cache test', limit: 1 })).total;
    expect(await total()).toBe(3);
    // A write the table's version does not see leaves the kept count as it was: it is kept...
    await sql`alter table incidents disable trigger incidents_version`.execute(store.db);
    await store.db.deleteFrom('incidents').where('id', '=', ids[2]!).execute();
    await sql`alter table incidents enable trigger incidents_version`.execute(store.db);
    expect(await total()).toBe(3);
    // ...until any statement writes to incidents: an update of another incident, an insert, a delete.
    await store.db.updateTable('incidents').set({ notes: 'edited' }).where('id', '=', incident.id).execute();
    expect(await total()).toBe(2);
    await store.saveIncident({ ...incident, id: ids[2]!, actor1: 'Cache Test Forces' });
    expect(await total()).toBe(3);
    await store.db.deleteFrom('incidents').where('id', '=', ids[1]!).execute();
    expect(await total()).toBe(2);
    if (backend === 'postgres') {
      // Another process on the same database: its writes reach this one's totals too.
      const other = await Store.open(location);
      await other.saveIncident({ ...incident, id: ids[1]!, actor1: 'Cache Test Forces' });
      await other.close();
      expect(await total()).toBe(3);
    }
    await store.db.deleteFrom('incidents').where('id', 'in', ids).execute();
    await store.db.updateTable('incidents').set({ notes: incident.notes }).where('id', '=', incident.id).execute();
  });

  it('finds candidates for reconciliation one day either side', async () => {
    expect(await store.candidatesNear('2014-11-26', 'Syria', 1)).toHaveLength(1);
    expect(await store.candidatesNear('2014-11-27', 'Syria', 1)).toHaveLength(0);
    expect(await store.candidatesNear('2014-11-24', 'Iraq', 1)).toHaveLength(0);
  });

  it('reads candidates with what clustering compares and nothing more', async () => {
    const named = { ...incident, id: 'VIG-00000000000c', evidence: { ...incident.evidence, actor1: [{ start: 0, end: 5, text: 'Syria', rule: 'ActorRule' }] } };
    await store.saveIncident(named);
    const [candidate] = (await store.candidatesOnDates([{ country: 'Syria', dates: ['2014-11-25'] }])).filter((c) => c.id === named.id);
    expect(clusterItemOf(candidate!)).toEqual(clusterItemOf((await store.getIncident(named.id))!));
    expect(clusterItemOf(candidate!).actor1).toBe('Military Forces of Syria');
    expect(candidate).not.toHaveProperty('claims');
    expect(candidate!.evidence).toEqual({ actor1: named.evidence.actor1 });
    expect(await store.candidatesOnDates([{ country: 'Iraq', dates: ['2014-11-25'] }, { country: 'Syria', dates: ['2014-11-24'] }])).toEqual([]);
    expect((await store.candidatesOnDates([{ country: null, dates: ['2014-11-25'] }])).map((c) => c.id)).toContain(named.id);
    await store.db.deleteFrom('incidents').where('id', '=', named.id).execute();
  });

  it('replaces an incident and its claims on update', async () => {
    const updated = { ...incident, fatalities: { low: 63, best: 65, high: 70 }, claims: [...incident.claims, { ...incident.claims[0]!, low: 70, high: 70, speaker: 'IS fighter' }] };
    await store.saveIncident(updated);
    expect(await store.getIncident(incident.id)).toEqual(updated);
    expect((await store.counts()).claims).toBe(2);
  });

  it("keeps a report's running tallies with it, in order, and lists them by publication date", async () => {
    const { published: _, ...claim } = incident.claims[0]!;
    const withTallies: Report = {
      ...report,
      id: 'd'.repeat(64),
      published: '2014-12-01',
      tallies: [
        { ...claim, qualifier: 'exact', low: 91, high: 91, hedges: [], reportId: 'd'.repeat(64), period: 'since early 2014', scope: 'in areas held by the council' },
        { ...claim, qualifier: 'exact', low: 34, high: 34, victims: 'civilians', hedges: [], reportId: 'd'.repeat(64), period: 'since early 2014', scope: null },
      ],
    };
    expect(await store.saveIngested(withTallies, [])).toBe(true);
    expect((await store.getReport(withTallies.id))?.tallies).toEqual(withTallies.tallies);
    expect((await store.tallies({ from: '2014-12-01' })).map((t) => t.low)).toEqual([91, 34]);
    expect(await store.tallies({ to: '2014-11-30' })).toEqual([]);
  });

  it('rolls back the report when an incident cannot be written', async () => {
    const other = { ...report, id: 'b'.repeat(64) };
    const broken = { ...incident, id: 'VIG-broken', reportIds: ['c'.repeat(64)] };
    await expect(store.saveIngested(other, [broken])).rejects.toThrow();
    expect(await store.hasReport(other.id)).toBe(false);
  });
});
