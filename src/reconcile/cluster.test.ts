// The clustering rule on reports of its own kind: paraphrases and wire copies of one strike join,
// a rising toll and a denial a day later join, two strikes on different towns the same day do not.
import { describe, expect, it } from 'vitest';
import { analyse } from '../pipeline/index.js';
import { clusterItemOf, sameIncident } from './cluster.js';
import { incidentFromDraft } from './index.js';

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
