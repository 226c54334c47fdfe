// The seed article, a wire copy of it and a later report with another toll: one incident,
// three reports, two independent sources, low / best / high, civilian range, the coalition's
// denial and a grade with its reason.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { processReport } from '../src/pipeline/index.js';
import { Store } from '../src/store/index.js';
import type { RawReport } from '../src/types.js';

const read = (path: string, published: string): RawReport => ({ origin: path, url: null, title: null, sourceName: null, published, format: 'text', content: readFileSync(new URL(path, import.meta.url), 'utf8') });
let store: Store;
beforeAll(async () => {
  store = await Store.open({ dataDir: 'memory://' });
});
afterAll(() => store?.close());

it('reconciles the seed article with a wire copy and a later toll', async () => {
  const outcomes = [];
  for (const raw of [read('../samples/raqqa-airstrikes-2014-11-25.txt', '2014-11-26'), read('fixtures/reconcile/raqqa-wire-copy.txt', '2014-11-26'), read('fixtures/reconcile/raqqa-later-toll.txt', '2014-11-27')]) {
    outcomes.push(await processReport(raw, store));
  }
  expect(outcomes.map((o) => [o.incidentsCreated, o.incidentsMerged])).toEqual([[1, 0], [0, 1], [0, 1]]);
  const [incident, ...others] = await store.listIncidents();
  expect(others).toEqual([]);
  expect(incident!.reportIds).toHaveLength(3);
  expect(incident!.sourcesCount).toBe(2);
  expect(incident!.fatalities).toEqual({ low: 63, best: 63, high: 95 });
  expect(incident!.civilianFatalities).toEqual({ low: 36, high: 95 });
  expect(incident!.attribution).toContainEqual({ actor: 'the coalition', allege: [], confirm: [], deny: ['a US official'] });
  expect(incident!.grade).toBe('fair');
  expect(incident!.gradeReason).toBe('2 independent sources: the Syrian Observatory for Human Rights (SOHR); the activist group Raqqa is Being Slaughtered Silently; the coalition denied by a US official');
  expect(incident!.flags.map((f) => f.kind)).toEqual(['conflicting-figures', 'denied']);
  expect(incident!.actor2).toBe('Civilians (Syria)');
});

it('takes the later-published toll of a voice, though its report arrives first', async () => {
  const text = (content: string, published: string): RawReport => ({ origin: published, url: null, title: null, sourceName: null, published, format: 'text', content });
  const evening = text('An airstrike hit a crowded market in Ariha, in Idlib province, on Monday. The death toll from the strike on the Ariha market rose to 17, the White Helmets said.', '2024-03-04T19:00:00Z');
  const morning = text('An airstrike hit a crowded market in Ariha, in Idlib province, on Monday, killing nine people at the Ariha market, the White Helmets said.', '2024-03-04T09:00:00Z');
  const outcomes = [await processReport(evening, store), await processReport(morning, store)];
  expect(outcomes.map((o) => [o.incidentsCreated, o.incidentsMerged])).toEqual([[1, 0], [0, 1]]);
  const [incident] = (await store.listIncidents()).filter((i) => i.reportIds.includes(outcomes[0]!.reportId));
  expect(incident!.reportIds).toEqual(expect.arrayContaining(outcomes.map((o) => o.reportId)));
  expect(incident!.fatalities).toEqual({ low: 17, best: 17, high: 17 });
});
