// Coding conventions for tolls told without an exact number: ACLED's (Vigil's default) or UCDP's.
// Claims keep the word ("dozens", "several"); the reconciled figures count it by the convention
// of the codebook the incident is coded for (data/lexicons/vague-conventions.txt).
import { lexiconRows } from '../extract/lexicon.js';
import { wordClass } from '../extract/word-classes.js';
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

/** Names of armed groups (actors.txt rows of kind armed_group): acronyms as written, other names in any case. */
const armedGroups = lexiconRows('actors.txt')
  .filter(([, kind]) => kind === 'armed_group')
  .flatMap(([, , ...variants]) => variants);
const ARMED_GROUP_WORDS = new RegExp(String.raw`\b(?:${wordClass('rebel speaker')})\b`, 'i');
const ACRONYMS = new Set(armedGroups.filter((v) => /^[A-Z]{2,5}$/.test(v)));
const NAMES = new Set(armedGroups.filter((v) => !ACRONYMS.has(v)).map((v) => v.toLowerCase()));

/** Whether a speaker is a non-state armed group ("a Katha People Defence Force (PDF) officer", "resistance sources"). */
function rebelSpeaker(speaker: string): boolean {
  if (ARMED_GROUP_WORDS.test(speaker)) return true;
  const words = speaker.split(/[^\w'’-]+/).filter(Boolean);
  return words.some((word, i) => ACRONYMS.has(word) || [1, 2, 3, 4].some((n) => i + n <= words.length && NAMES.has(words.slice(i, i + n).join(' ').toLowerCase())));
}

/**
 * UCDP's codebook counts a belligerent's uncorroborated claim of its enemy's losses in the high
 * estimate only: on its coded articles, rebels' tolls of soldiers ("killing at least four of the
 * BA soldiers", according to a PDF officer) are best 0, high 4. (States' claims of rebels killed it
 * counts in the best estimate, as it does here.) ACLED takes the figure reported.
 */
export function countsInHighOnly(claim: Claim, convention: CodingConvention): boolean {
  return convention === 'ucdp' && (claim.victims === 'soldiers' || claim.victims === 'police') && claim.speaker !== null && rebelSpeaker(claim.speaker);
}
