// Coding conventions for tolls told without an exact number: ACLED's (Vigil's default) or UCDP's.
// Claims keep the word ("dozens", "several"); the reconciled figures count it by the convention
// of the codebook the incident is coded for (data/lexicons/vague-conventions.txt).
import { lexiconRows } from '../extract/lexicon.js';
import type { Claim } from '../types.js';

export const CODING_CONVENTIONS = ['acled', 'ucdp'] as const;
export type CodingConvention = (typeof CODING_CONVENTIONS)[number];

const values = new Map(lexiconRows('vague-conventions.txt').map(([word, acled, ucdp]) => [word!.toLowerCase(), { acled: Number(acled), ucdp: Number(ucdp) }]));

/** A claim as the convention counts it: a vague word takes the convention's value; other claims are unchanged. */
export function codedClaim(claim: Claim, convention: CodingConvention): Claim {
  if (claim.qualifier !== 'vague' || !claim.vagueWord) return claim;
  const word = claim.vagueWord.toLowerCase().replace(/^an?\s+(?=(?:unknown|unspecified|undisclosed))/, '');
  // "several thousand": the unit's plural decides.
  const value = values.get(word) ?? values.get(`${word.split(/\s+/).at(-1)}s`) ?? values.get(word.split(/\s+/).at(-1) ?? '');
  if (!value) return claim;
  const coded = value[convention];
  return { ...claim, low: coded, high: coded };
}
