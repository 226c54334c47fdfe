// Reports in many phrasings, run through clean -> extract -> geocode -> reconcile, each
// checked against what a human coder would say. Fixtures: fixtures/reports/cases.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/pipeline/index.js';
import { incidentFromDraft } from '../src/reconcile/index.js';
import { kilometres } from '../src/util/geo.js';

interface Case {
  name: string;
  published: string;
  text: string;
  expect: {
    incidents?: number;
    eventType?: string;
    subEventType?: string;
    date?: string;
    actor1?: string;
    fatalities?: [number, number, number];
    civilians?: [number, number];
    injured?: [number, number];
    speaker?: string;
    denial?: string;
    place?: string;
    placeNear?: [number, number];
  };
}

const cases = JSON.parse(readFileSync(new URL('fixtures/reports/cases.json', import.meta.url), 'utf8')) as Case[];

const withoutMarks = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

describe('extraction on varied phrasings', () => {
  it('has at least 15 cases', () => expect(cases.length).toBeGreaterThanOrEqual(15));

  for (const c of cases) {
    it(c.name, () => {
      const { drafts, report } = analyse({ origin: c.name, url: null, title: null, sourceName: null, published: c.published, format: 'text', content: c.text });
      expect(drafts.length).toBe(c.expect.incidents ?? 1);
      const incident = incidentFromDraft(drafts[0]!, report.id, 0);
      const e = c.expect;
      if (e.eventType) expect(incident.eventType).toBe(e.eventType);
      if (e.subEventType) expect(incident.subEventType).toBe(e.subEventType);
      if (e.date) expect(incident.date).toBe(e.date);
      if (e.actor1) expect(incident.actor1).toBe(e.actor1);
      if (e.fatalities) expect([incident.fatalities.low, incident.fatalities.best, incident.fatalities.high]).toEqual(e.fatalities);
      if (e.civilians) expect([incident.civilianFatalities.low, incident.civilianFatalities.high]).toEqual(e.civilians);
      if (e.injured) expect([incident.injured.low, incident.injured.high]).toEqual(e.injured);
      if (e.speaker) expect(incident.claims.map((cl) => cl.speaker)).toContain(e.speaker);
      if (e.denial) expect(incident.claims.some((cl) => cl.stance === 'denies' && cl.actor === e.denial)).toBe(true);
      if (e.place) expect(withoutMarks(incident.place?.name ?? '')).toContain(e.place);
      if (e.placeNear) {
        expect(incident.place?.latitude).toBeTypeOf('number');
        expect(kilometres(incident.place!.latitude!, incident.place!.longitude!, ...e.placeNear)).toBeLessThan(25);
      }
      for (const claim of incident.claims) expect(report.text.slice(claim.evidence.start, claim.evidence.end)).toBe(claim.evidence.text);
    });
  }
});
