// Migration 007: signatures stored in the former MinHash format are emptied, so they are never
// read as term counts; an incident keeps everything else.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { analyse } from '../src/pipeline/index.js';
import { incidentFromDraft } from '../src/reconcile/index.js';
import { up } from '../src/store/migrations/007_term_signatures.js';
import { Store } from '../src/store/index.js';

let store: Store;
beforeAll(async () => {
  store = await Store.open({ dataDir: 'memory://' });
});
afterAll(() => store?.close());

it('empties stored signatures and keeps the incident', async () => {
  const { report, drafts } = analyse({ origin: 'test', url: null, title: null, sourceName: null, published: '2024-03-05', format: 'text', content: 'An air strike killed nine civilians in the town of Ariha in Idlib province on Monday, the Syrian Observatory for Human Rights said.' });
  const incident = { ...incidentFromDraft(drafts[0]!, report.id, 0), signature: [4294967295, 17, 3, 99] };
  expect(await store.saveIngested(report, [incident])).toBe(true);
  expect((await store.getIncident(incident.id))?.signature).toEqual(incident.signature);
  await up(store.db as unknown as Kysely<unknown>);
  const after = await store.getIncident(incident.id);
  expect(after?.signature).toEqual([]);
  expect(after?.place?.name).toBe(incident.place?.name);
});
