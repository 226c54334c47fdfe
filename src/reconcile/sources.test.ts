// Reconciling across sources: independent outlets, relays, rising tolls, ranges, attribution and grade.
import { describe, expect, it } from 'vitest';
import type { Claim, Incident } from '../types.js';
import { derive, fillCountry } from './index.js';
import { independentSources, sameVoice, withoutSuperseded } from './sources.js';

function claim(reportId: string, sentence: string, over: Partial<Claim> = {}): Claim {
  const evidence = { start: 0, end: sentence.length, text: sentence, rule: 'PassiveCasualtyRule', reportId };
  return { measure: 'killed', victims: 'all', qualifier: 'exact', low: null, high: null, vagueWord: null, stance: 'asserts', speaker: null, outlet: null, hedges: [], actor: null, evidence, sentence: { ...evidence, rule: 'AccordingToRule' }, reportId, ...over };
}
const killed = (reportId: string, n: number, sentence: string, over: Partial<Claim> = {}) => claim(reportId, sentence, { low: n, high: n, ...over });

function incident(claims: Claim[], over: Partial<Incident> = {}): Incident {
  return derive({
    id: 'VIG-test', role: 'main', eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike', date: '2024-03-04', timePrecision: 1,
    place: { name: 'Ariha', admin1: 'Idlib', country: 'Syria', latitude: 35.81, longitude: 36.6, geoPrecision: 1, sites: [] },
    actor1: 'Military Forces of Syria', actor2: 'Civilians (Syria)', claims,
    fatalities: { low: null, best: null, high: null }, civilianFatalities: { low: null, high: null }, injured: { low: null, high: null },
    sourcesCount: 0, grade: null, gradeReason: null, attribution: [], flags: [], signature: [],
    reportIds: [...new Set(claims.map((c) => c.reportId!))], evidence: {}, notes: '', ...over,
  }, 'acled');
}

describe('independent sources', () => {
  it('lets the lower independent figure set the low: nine civilians (SOHR) and thirteen people (Reuters)', () => {
    const i = incident([
      killed('a', 9, 'An airstrike killed nine civilians in Ariha, the Syrian Observatory for Human Rights said.', { victims: 'civilians', speaker: 'the Syrian Observatory for Human Rights' }),
      killed('b', 13, 'Thirteen people were killed in Ariha, a local rescuer told Reuters.', { speaker: 'a local rescuer', outlet: 'Reuters' }),
    ]);
    expect(i.fatalities).toEqual({ low: 9, best: 9, high: 13 });
    expect(i.civilianFatalities).toEqual({ low: 9, high: 9 });
    expect(i.sourcesCount).toBe(2);
    expect(i.flags).toContainEqual({ kind: 'conflicting-figures', detail: 'fatalities: 9 (the Syrian Observatory for Human Rights), 13 (a local rescuer via Reuters)' });
    expect(i.grade).toBe('fair');
  });

  it('counts a wire copy or reprint once', () => {
    const text = 'At least 63 people were killed in the strikes, the Syrian Observatory for Human Rights said.';
    const i = incident([killed('a', 63, text, { speaker: 'SOHR' }), killed('b', 63, `${text} `, { speaker: 'SOHR' }), killed('c', 63, text.toUpperCase(), { speaker: 'SOHR' })]);
    expect(i.sourcesCount).toBe(1);
    expect(i.grade).toBe('weak');
    expect(i.gradeReason).toBe('a single source: SOHR');
  });

  it('counts a voice quoted by two outlets once, and a voice of its own as another source', () => {
    const claims = [
      killed('a', 63, 'At least 63 were killed, according to the Syrian Observatory for Human Rights (SOHR).', { speaker: 'the Syrian Observatory for Human Rights (SOHR)' }),
      killed('b', 63, 'SOHR said 63 people died in Tuesday raids on Raqqa.', { speaker: 'SOHR' }),
      killed('c', 70, 'Residents said 70 died.', { speaker: 'Residents' }),
    ];
    expect(independentSources(claims.slice(0, 2), ['a', 'b'])).toHaveLength(1);
    expect(independentSources(claims, ['a', 'b', 'c'])).toHaveLength(2);
    expect(sameVoice('the Syrian Observatory for Human Rights', 'SOHR')).toBe(true);
    expect(sameVoice('a medic', 'SOHR')).toBe(false);
  });

  it('lets a rising toll from the same voice supersede its earlier figure', () => {
    const claims = [
      killed('a', 9, 'Nine people were killed, the White Helmets said.', { speaker: 'the White Helmets' }),
      killed('b', 17, 'The death toll rose to 17, the White Helmets said.', { speaker: 'the White Helmets', evidence: { start: 0, end: 5, text: 'rose to 17', rule: 'DeathTollRule' } }),
    ];
    expect(withoutSuperseded(claims)).toEqual([claims[1]]);
    expect(incident(claims).fatalities).toEqual({ low: 17, best: 17, high: 17 });
    const anotherVoice = [claims[0]!, { ...claims[1]!, speaker: 'a medic' }];
    expect(incident(anotherVoice).fatalities).toEqual({ low: 9, best: 9, high: 17 });
  });

  it('takes the later-published figure as the update, in whatever order the reports arrive', () => {
    const nine = killed('a', 9, 'Nine people were killed, the White Helmets said.', { speaker: 'the White Helmets', published: '2024-03-04T08:00:00Z' });
    const rose = killed('b', 17, 'The death toll rose to 17, the White Helmets said.', { speaker: 'the White Helmets', published: '2024-03-04T18:30:00+02:00' });
    // The update, published that evening, is read first; the morning's figure arrives after it.
    expect(withoutSuperseded([rose, nine])).toEqual([rose]);
    expect(incident([rose, nine]).fatalities).toEqual({ low: 17, best: 17, high: 17 });
    // A "rose to" published before the other figure is not an update of it.
    const risenBefore = { ...rose, published: '2024-03-03' };
    expect(withoutSuperseded([nine, risenBefore])).toEqual([nine, risenBefore]);
    // Without a publication time (or on one day, one of them without a time), the order of arrival decides.
    expect(withoutSuperseded([{ ...nine, published: null }, rose])).toEqual([rose]);
    expect(withoutSuperseded([rose, { ...nine, published: null }])).toEqual([rose, { ...nine, published: null }]);
    expect(withoutSuperseded([{ ...nine, published: '2024-03-04' }, rose])).toEqual([rose]);
  });
});

describe('attribution and grade', () => {
  const strike = killed('a', 5, 'Five people were killed in an air strike, residents said.', { speaker: 'residents' });
  const involvement = (reportId: string, actor: string, speaker: string, stance: Claim['stance'] = 'asserts') =>
    claim(reportId, `${speaker} said ${actor} carried out the strike.`, { measure: 'involvement', actor, speaker, stance });

  it('grades confirmed when the belligerent says it acted, and keeps a denial', () => {
    const i = incident([strike, involvement('b', 'the coalition', 'a coalition spokesman'), involvement('c', 'Russian forces', 'the Russian defence ministry', 'denies')], { actor1: null });
    expect(i.grade).toBe('confirmed');
    expect(i.gradeReason).toBe('the coalition confirmed by a coalition spokesman; Russian forces denied by the Russian defence ministry');
    expect(i.attribution).toEqual([
      { actor: 'the coalition', allege: [], confirm: ['a coalition spokesman'], deny: [] },
      { actor: 'Russian forces', allege: [], confirm: [], deny: ['the Russian defence ministry'] },
    ]);
  });

  it('grades contested when sources name different belligerents', () => {
    const i = incident([strike, involvement('b', 'Russian warplanes', 'activists'), involvement('c', 'the coalition', 'SOHR')], { actor1: null });
    expect(i.grade).toBe('contested');
    expect(i.flags.map((f) => f.kind)).toContain('conflicting-attribution');
  });

  it('takes "the government" for the state forces the report coded', () => {
    const i = incident([strike, involvement('b', 'the government', 'an activist')], { evidence: { actor1: [{ start: 0, end: 8, text: 'regime warplanes', rule: 'ActorRule', reportId: 'a' }] } });
    expect(i.attribution).toHaveLength(1);
    expect(i.grade).toBe('fair');
  });
});

describe('actor names', () => {
  it('names an actor once when filling the country makes two the same', () => {
    expect(fillCountry('Civilians ({country}); Civilians (Syria)', 'Syria')).toBe('Civilians (Syria)');
  });
});
