// Human decisions on both back ends: merge, split, move and set, each in the audit log, and
// none undone by a report that arrives later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processReport } from '../src/pipeline/index.js';
import { recluster } from '../src/pipeline/recluster.js';
import { DecisionError, incidentHistory, mergeIncidents, moveReport, setIncidentField, splitIncident } from '../src/reconcile/decisions.js';
import type { StoreLocation } from '../src/store/connect.js';
import { Store } from '../src/store/index.js';
import type { RawReport } from '../src/types.js';
import { backends, dropSchema, freshLocation } from './backends.js';

const raw = (origin: string, content: string): RawReport => ({ origin, url: null, title: null, sourceName: origin, published: '2024-03-05', format: 'text', content });
const idlib = raw('a', 'An airstrike killed nine civilians in Idlib on Monday, the Syrian Observatory for Human Rights said.');
const ariha = raw('b', 'Thirteen people were killed in an air strike on Ariha on Monday, a local rescuer told Reuters.');
const later = raw('c', 'An air strike on Idlib on Monday killed eleven people, a medic said.');
const who = { actor: 'analyst', reason: 'same strike: Ariha is in Idlib province' };

describe.each(backends)('human decisions on %s', (backend) => {
  let store: Store;
  let location: StoreLocation;
  let kept = '';
  const incidentOf = async (origin: RawReport) => {
    const outcome = await processReport(origin, store);
    const [link] = await store.incidentsOfReport(outcome.reportId);
    return { reportId: outcome.reportId, incidentId: link!.incidentId };
  };

  beforeAll(async () => {
    location = freshLocation(backend);
    store = await Store.open(location);
  });
  afterAll(async () => {
    await store?.close();
    await dropSchema(location);
  });

  it('merges, splits, moves and sets, and logs who, when, why, before and after', async () => {
    const a = await incidentOf(idlib);
    kept = a.incidentId;
    const b = await incidentOf(ariha);
    expect(a.incidentId).not.toBe(b.incidentId);

    const merged = await mergeIncidents(store, a.incidentId, b.incidentId, who);
    expect(merged.reportIds.sort()).toEqual([a.reportId, b.reportId].sort());
    expect(await store.getIncident(b.incidentId)).toBeNull();
    expect(new Set(merged.claims.map((c) => c.reportId))).toEqual(new Set([a.reportId, b.reportId]));

    const [left, part] = await splitIncident(store, a.incidentId, [b.reportId.slice(0, 12)], { actor: 'analyst', reason: 'two strikes after all' });
    expect(left.reportIds).toEqual([a.reportId]);
    expect(part.reportIds).toEqual([b.reportId]);
    expect(left.fatalities.best).toBe(9);
    expect(part.fatalities.best).toBe(13);

    const moved = await moveReport(store, b.reportId, a.incidentId, { actor: 'lead' });
    expect(moved.reportIds.sort()).toEqual([a.reportId, b.reportId].sort());
    expect(await store.getIncident(part.id)).toBeNull();

    const set = await setIncidentField(store, a.incidentId, 'fatalities', '12', { actor: 'lead', reason: 'hospital list' });
    expect(set.fatalities.best).toBe(12);

    const history = await incidentHistory(store, a.incidentId);
    expect(history.map((e) => e.action)).toEqual(['merge', 'split', 'move-in', 'set']);
    expect(history[0]).toMatchObject({ actor: 'analyst', reason: who.reason, incidentId: a.incidentId });
    expect(history[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(history[3]).toMatchObject({ before: { fatalities: moved.fatalities.best }, after: { fatalities: 12 } });
    expect((await incidentHistory(store, b.incidentId)).map((e) => e.action)).toEqual(['merged-into']);
    expect((await incidentHistory(store, part.id)).map((e) => e.action)).toEqual(['split-from', 'move-out']);
  });

  it('keeps human decisions when a later report joins', async () => {
    const incidentId = kept;
    const before = (await store.getIncident(incidentId))!;
    const outcome = await processReport(later, store);
    expect(outcome.incidentsMerged).toBe(1);
    const after = (await store.getIncident(incidentId))!;
    expect(after.reportIds).toHaveLength(before.reportIds.length + 1);
    expect(after.fatalities.best).toBe(12);
    expect(await store.incidentsOfReport(outcome.reportId)).toEqual([{ incidentId, decidedByHuman: false }]);
    expect((await store.incidentsOfReport(before.reportIds[0]!))[0]!.decidedByHuman).toBe(true);
  });

  it('keeps human decisions when the machine clusters everything again', async () => {
    const before = (await store.getIncident(kept))!;
    const summary = await recluster(store);
    expect(summary).toMatchObject({ reports: 3, keptByHumans: 1 });
    const after = (await store.getIncident(kept))!;
    expect(after.reportIds.sort()).toEqual(before.reportIds.sort());
    expect(after.fatalities.best).toBe(12);
    expect((await store.listIncidents()).map((i) => i.id)).toEqual([kept]);
  });

  it('refuses what it cannot do, naming the item', async () => {
    const incident = await store.getIncident(kept);
    await expect(mergeIncidents(store, incident!.id, 'VIG-nothere', who)).rejects.toThrow(new DecisionError('no incident with id VIG-nothere (list them with: vigil incidents)'));
    await expect(splitIncident(store, incident!.id, incident!.reportIds, who)).rejects.toThrow(/leaves it empty/);
    await expect(setIncidentField(store, incident!.id, 'colour', 'red', who)).rejects.toThrow(/cannot set "colour"/);
    await expect(setIncidentField(store, incident!.id, 'fatalities', 'many', who)).rejects.toThrow(/whole number/);
    expect((await incidentHistory(store, incident!.id)).map((e) => e.action)).toEqual(['merge', 'split', 'move-in', 'set']);
  });
});
