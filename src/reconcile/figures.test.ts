import { describe, expect, it } from 'vitest';
import type { Claim } from '../types.js';
import { reconcileFigures } from './figures.js';

let offset = 0;
function claim(victims: string, low: number, options: Partial<Claim> & { text?: string } = {}): Claim {
  const start = (offset += 100);
  const text = options.text ?? `${low} ${victims} killed`;
  return {
    measure: 'killed',
    victims,
    qualifier: 'exact',
    low,
    high: low,
    vagueWord: null,
    stance: 'asserts',
    speaker: null,
    outlet: null,
    hedges: [],
    actor: null,
    evidence: { start, end: start + text.length, text, rule: 'PassiveCasualtyRule' },
    sentence: { start, end: start + text.length, text, rule: 'UnattributedClaim' },
    reportId: 'r1',
    ...options,
  };
}

describe('reconcileFigures', () => {
  it('takes the most conservative total as best, the range as low and high', () => {
    const f = reconcileFigures([claim('all', 63), claim('civilians', 36), claim('all', 70)]);
    expect(f.fatalities).toEqual({ low: 63, best: 63, high: 70 });
    expect(f.civilianFatalities).toEqual({ low: 36, high: 63 });
    expect(f.rules.civilians).toBe('UnidentifiedDeadMayBeCivilians');
  });

  it('adds disjoint victim classes when no total is given', () => {
    expect(reconcileFigures([claim('soldiers', 5), claim('fighters', 12)]).fatalities).toEqual({ low: 17, best: 17, high: 17 });
  });

  it('lets a later death toll replace earlier figures of the same report', () => {
    const f = reconcileFigures([claim('all', 20), claim('all', 45, { evidence: { start: 9000, end: 9010, text: 'toll rose to 45', rule: 'DeathTollRule' } })]);
    expect(f.fatalities.best).toBe(45);
  });

  it('lets a coded total of 0 override a group figure that does not fit inside it', () => {
    const coded = claim('all', 0, { evidence: { start: 9500, end: 9520, text: 'Fatalities coded as 0', rule: 'DeathTollRule' } });
    expect(reconcileFigures([claim('civilians', 1), coded]).fatalities.best).toBe(0);
  });

  it('adds further victims named with "also"', () => {
    const f = reconcileFigures([claim('all', 1), claim('all', 3, { text: 'Three members of his family were also killed' })]);
    expect(f.fatalities.best).toBe(4);
  });

  it('reads one victim named beside a counted group as a member of it, unless a list or another source names him', () => {
    expect(reconcileFigures([claim('fighters', 6), claim('fighters', 1, { text: 'Their commander, Rahim, was killed' })]).fatalities.best).toBe(6);
    expect(reconcileFigures([claim('fighters', 1, { text: 'killed the rebel leader' }), claim('all', 3)]).fatalities.best).toBe(3);
    expect(reconcileFigures([claim('all', 11), claim('children', 1, { text: '1 child', evidence: { start: 5000, end: 5007, text: '1 child', rule: 'CoordinatedVictimsRule' } })]).fatalities.best).toBe(11);
    expect(reconcileFigures([claim('soldiers', 1), claim('soldiers', 2, { speaker: 'Other sources' })]).fatalities.best).toBe(1);
    const part = claim('fighters', 3, { evidence: { start: 9900, end: 9920, text: 'including 3 commanders', rule: 'IncludingVictimsRule' } });
    expect(reconcileFigures([claim('fighters', 20), part]).fatalities.best).toBe(20);
  });

  it('lets deaths stand beside a "no casualties" about a part of the report', () => {
    const none = claim('all', 0, { evidence: { start: 8000, end: 8015, text: 'no casualties', rule: 'NoCasualtiesRule' } });
    expect(reconcileFigures([claim('all', 5), none]).fatalities.best).toBe(5);
    expect(reconcileFigures([none]).fatalities).toEqual({ low: 0, best: 0, high: 0 });
  });

  it('adds further victims told with "also" before the figure or "as well" after it', () => {
    const inSentence = (sentenceText: string, phrase: string, start: number) => {
      const at = start + sentenceText.indexOf(phrase);
      return { evidence: { start: at, end: at + phrase.length, text: phrase, rule: 'PassiveCasualtyRule' }, sentence: { start, end: start + sentenceText.length, text: sentenceText, rule: 'UnattributedClaim' } };
    };
    const also = inSentence('Officials reported that also 3 rebels were killed.', '3 rebels were killed', 7000);
    expect(reconcileFigures([claim('fighters', 5), claim('fighters', 3, also)]).fatalities.best).toBe(8);
    const asWell = inSentence('A guard was killed in the raid as well.', 'A guard was killed', 7500);
    expect(reconcileFigures([claim('all', 1), claim('all', 1, asWell)]).fatalities.best).toBe(2);
    const reportedAlso = inSentence('Fatalities coded as 2 (the agency also reported 2 fatalities).', '2 fatalities', 8000);
    expect(reconcileFigures([claim('all', 2), claim('all', 2, reportedAlso)]).fatalities.best).toBe(2);
  });

  it('adds a second single victim named by another role, not the same victim told again', () => {
    const one = (text: string, victims = 'all') => claim(victims, 1, { text, evidence: { start: (offset += 100), end: offset + text.length, text, rule: 'SingleVictimRule' } });
    expect(reconcileFigures([one('A tea stall owner died'), one('The bus conductor died later in hospital')]).fatalities.best).toBe(2);
    expect(reconcileFigures([one('The retired officer was shot dead', 'police'), one('his nephew succumbed to his wounds')]).fatalities.best).toBe(2);
    expect(reconcileFigures([one('A bus conductor was stabbed to death'), one('The conductor died on the spot')]).fatalities.best).toBe(1);
    expect(reconcileFigures([one('A tea stall owner died'), one('The victim died later')]).fatalities.best).toBe(1);
    expect(reconcileFigures([one('Karim Uddin was shot dead'), one('The shopkeeper died in hospital')]).fatalities.best).toBe(1);
    expect(reconcileFigures([one('A policeman was shot dead', 'police'), one('The constable died in hospital', 'police')]).fatalities.best).toBe(1);
  });

  it('ignores denials and codes 0 when no figure is given', () => {
    const f = reconcileFigures([claim('all', 10, { stance: 'denies' })]);
    expect(f.fatalities).toEqual({ low: 0, best: 0, high: 0 });
    expect(f.rules.fatalities).toBe('NoFigureMeansZero');
  });

  it('keeps injuries apart', () => {
    expect(reconcileFigures([claim('all', 12, { measure: 'injured' })]).injured).toEqual({ low: 12, high: 12 });
  });

  it("takes the figure the report leads with as best under UCDP's convention, the range as low and high", () => {
    const f = reconcileFigures([claim('all', 5), claim('all', 3)], 'ucdp');
    expect(f.fatalities).toEqual({ low: 3, best: 5, high: 5 });
    expect(f.rules.fatalities).toBe('LeadTotal');
  });

  it("counts rebels' claims of soldiers killed in the high estimate only under UCDP's convention", () => {
    const rebels = [claim('soldiers', 4, { speaker: 'a Katha People Defence Force (PDF) officer' })];
    expect(reconcileFigures(rebels, 'ucdp').fatalities).toEqual({ low: 0, best: 0, high: 4 });
    expect(reconcileFigures(rebels, 'ucdp').rules.fatalities).toBe('EnemyLossesClaimedByRebelsInHighOnly');
    expect(reconcileFigures(rebels, 'acled').fatalities).toEqual({ low: 4, best: 4, high: 4 });
    // The army's own count of rebels killed, and a civilian toll beside the rebels' claim, count in full.
    expect(reconcileFigures([claim('fighters', 5, { speaker: 'the Iraqi military' })], 'ucdp').fatalities.best).toBe(5);
    expect(reconcileFigures([...rebels, claim('civilians', 2)], 'ucdp').fatalities).toEqual({ low: 2, best: 2, high: 6 });
  });

  it('reads a part named as a part ("three of the bodies") as a member of the group, whoever tells it', () => {
    const f = reconcileFigures([claim('all', 4), claim('all', 3, { text: 'Three of the bodies were found', speaker: 'a resident' })]);
    expect(f.fatalities.best).toBe(4);
  });

  it('counts a figure a later sentence repeats under another armed class once', () => {
    const f = reconcileFigures([claim('fighters', 3), claim('soldiers', 3)]);
    expect(f.fatalities.best).toBe(3);
  });
});

