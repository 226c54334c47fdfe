// Text similarity: wire copies and paraphrases of one event against another event of the same kind.
import { describe, expect, it } from 'vitest';
import { CLUSTERING } from './cluster.js';
import { addMember, mentions, signatureOf, similarity, TERMS_KEPT } from './similarity.js';

const seed = signatureOf('An air strike killed nine civilians in the town of Ariha in Idlib province on Monday, the Syrian Observatory for Human Rights said. Rescuers from the White Helmets pulled bodies from the rubble of a market.');
const wireCopy = signatureOf('BEIRUT (Wire) - An air strike killed nine civilians in the town of Ariha in Idlib province on Monday, the Syrian Observatory for Human Rights said. Rescuers from the White Helmets pulled bodies from the rubble of a market.');
const paraphrase = signatureOf('Warplanes hit a crowded market in Ariha on Monday. The Syrian Observatory for Human Rights counted nine dead, and the White Helmets said more were under the rubble.');
const otherEvent = signatureOf('A drone strike killed four fighters near the town of Kafr Nabl in the south of Hama on Thursday, a commander of the Free Syrian Army told Reuters. The car was hit on a road.');

describe('text similarity', () => {
  it('scores a wire copy close to 1', () => {
    expect(similarity(wireCopy, seed)).toBeGreaterThan(0.8);
  });

  it('scores a paraphrase by another outlet, which shares the names and numbers, above the threshold', () => {
    expect(similarity(paraphrase, seed)).toBeGreaterThan(CLUSTERING.threshold);
  });

  it('scores another event of the same kind, with other names, below the threshold', () => {
    expect(similarity(otherEvent, seed)).toBeLessThan(CLUSTERING.threshold);
  });

  it('is 0 against an empty signature', () => {
    expect(similarity(seed, [])).toBe(0);
    expect(similarity([], seed)).toBe(0);
  });

  it('compares a report with all of an incident\'s reports, not the first few', () => {
    const early = ['The price of bread rose in Cairo.', 'Students marched in Dhaka.', 'A ferry sank off Mindanao.', 'Floods cut roads in Kerala.', 'A bridge collapsed in Genoa.'];
    const incident = [...early.map(signatureOf), seed].reduce((kept, report) => addMember(kept, report), [] as number[]);
    expect(similarity(wireCopy, incident)).toBeGreaterThan(similarity(otherEvent, incident));
    expect(similarity(wireCopy, incident)).toBeGreaterThan(0.2);
  });

  it('keeps at most TERMS_KEPT terms of an incident, and of a long report, the most counted first', () => {
    const many = Array.from({ length: 40 }, (_, i) => signatureOf(Array.from({ length: 60 }, (_, k) => `Word${i}x${k} term${i}y${k}.`).join(' ')));
    const incident = many.reduce((kept, report) => addMember(kept, report), [] as number[]);
    expect(incident.length).toBe(2 * TERMS_KEPT);
    const long = signatureOf(`${'Ariha was shelled. '.repeat(5)}${Array.from({ length: 2000 }, (_, k) => `Word${k}.`).join(' ')}`);
    expect(long.length).toBe(2 * TERMS_KEPT);
    expect(mentions(long, 'Ariha')).toBe(true);
  });

  it('tells whether a text names a place', () => {
    const text = signatureOf('Shelling hit Maarat al-Numan and Ariha on Monday.');
    expect(mentions(text, 'Maarat al-Numan')).toBe(true);
    expect(mentions(text, 'Kafr Nabl')).toBe(false);
    expect(mentions(signatureOf('Shelling hit Bush on Monday.'), 'Būsh')).toBe(true);
  });
});
