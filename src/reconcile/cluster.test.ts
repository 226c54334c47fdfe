// The clustering rule on reports of its own kind: paraphrases and wire copies of one strike join,
// a rising toll and a denial a day later join, two strikes on different towns the same day do not;
// the two-towns rule holds for attacks only, and not when a report names the other town.
import { describe, expect, it } from 'vitest';
import { analyse } from '../pipeline/index.js';
import type { EventType, Place } from '../types.js';
import { clusterItemOf, sameIncident, type ClusterItem } from './cluster.js';
import { incidentFromDraft } from './index.js';
import { signatureOf } from './similarity.js';

function incidentOf(content: string, published: string) {
  const { report, drafts } = analyse({ origin: 'test', url: null, title: null, sourceName: null, published, format: 'text', content });
  return clusterItemOf(incidentFromDraft(drafts[0]!, report.id, 0));
}

const strike = incidentOf('An air strike killed nine civilians in the town of Ariha in Idlib province on Monday, the Syrian Observatory for Human Rights said.', '2024-03-05');

describe('the clustering rule', () => {
  it.each([
    ['a paraphrase', 'Thirteen people were killed when warplanes struck a market in Ariha, in Syria\'s Idlib province, on Monday, a local rescuer told Reuters.', '2024-03-05'],
    ['a wire copy', 'BEIRUT (Wire) - An air strike killed nine civilians in the town of Ariha in Idlib province on Monday, the Syrian Observatory for Human Rights said.', '2024-03-05'],
    ['a rising toll a day later', 'The death toll from Monday\'s air strike on Ariha in Idlib province rose to 17, the Syrian Observatory for Human Rights said on Tuesday.', '2024-03-06'],
    ['a denial a day later', 'Russia\'s defence ministry on Tuesday denied that its aircraft had carried out Monday\'s air strike on Ariha in Idlib province, which killed nine civilians.', '2024-03-06'],
  ])('joins %s', (_, text, published) => {
    const verdict = sameIncident(strike, incidentOf(text, published));
    expect(verdict.same, verdict.reason).toBe(true);
  });

  it.each([
    ['a strike on another town the same day', 'An air strike killed six civilians in the town of Maarat al-Numan in Idlib province on Monday, the Syrian Observatory for Human Rights said.', '2024-03-05'],
    ['a strike on the same town a week later', 'An air strike killed four civilians in the town of Ariha in Idlib province on Monday, the Syrian Observatory for Human Rights said.', '2024-03-12'],
    ['another kind of event elsewhere', 'Hundreds of people protested in Baghdad on Monday against power cuts, police said.', '2024-03-05'],
  ])('keeps apart %s', (_, text, published) => {
    const verdict = sameIncident(strike, incidentOf(text, published));
    expect(verdict.same, verdict.reason).toBe(false);
  });
});

const town = (name: string, latitude: number): Place => ({ name, admin1: 'Idlib', country: 'Syria', latitude, longitude: 36.6, geoPrecision: 1, sites: [] });
const item = (text: string, eventType: EventType | null, place: Place | null): ClusterItem => ({ eventType, date: null, timePrecision: 1, place, actor1: null, signature: signatureOf(text), casualties: /killed|wounded/.test(text) });

describe('two towns', () => {
  const ariha = town('Ariha', 35.81);
  const maarat = town('Maarat al-Numan', 35.64);
  const template = (place: string) => `Shelling killed three civilians in ${place} on Monday, the Syrian Observatory for Human Rights said.`;

  it('keeps apart attacks in two towns when neither report names the other town', () => {
    const verdict = sameIncident(item(template('Ariha'), 'Explosions/Remote violence', ariha), item(template('Maarat al-Numan'), 'Explosions/Remote violence', maarat));
    expect(verdict.same, verdict.reason).toBe(false);
    expect(verdict.reason).toContain('neither told of');
  });

  it('scores attacks in two towns when a report names the other town (one shelling of both, placed differently)', () => {
    const verdict = sameIncident(item(template('Ariha'), 'Explosions/Remote violence', ariha), item(template('Maarat al-Numan and Ariha'), 'Explosions/Remote violence', maarat));
    expect(verdict.same, verdict.reason).toBe(true);
  });

  it('joins other news placed in two towns when the texts are close (a geocoder error, not two events)', () => {
    const rehab = (place: string) => `Actress Tara Reid checked into the Promises rehab centre in ${place}, her publicist Jack Ketsoyan told People magazine on Tuesday.`;
    const verdict = sameIncident(item(rehab('Malibu'), 'Strategic developments', ariha), item(rehab('Malibu'), 'Strategic developments', maarat));
    expect(verdict.same, verdict.reason).toBe(true);
    expect(verdict.reason).toContain('places Ariha / Maarat al-Numan');
  });

  it('joins reports typed as attacks in two towns when they tell of no one killed or injured (a match, a software flaw)', () => {
    const fight = (place: string) => `Wladimir Klitschko knocked out Hasim Rahman in the seventh round in ${place} on Saturday to keep his heavyweight titles.`;
    const verdict = sameIncident(item(fight('Ariha'), 'Battles', ariha), item(fight('Maarat al-Numan'), 'Battles', maarat));
    expect(verdict.same, verdict.reason).toBe(true);
  });

  it('keeps apart another event of the same kind, with other names, wherever it is placed', () => {
    const verdict = sameIncident(item(template('Ariha'), 'Explosions/Remote violence', null), item('Air strikes killed a commander of Ahrar al-Sham near Saraqib on Thursday, the group said in a statement.', 'Explosions/Remote violence', null));
    expect(verdict.same, verdict.reason).toBe(false);
  });
});
