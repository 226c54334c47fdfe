import { lexiconRows } from '../lexicon.js';
import type { Sentence } from '../sentences.js';
import type { TallyCueFinding } from '../types.js';
import { PatternRule, type Match } from './pattern-rule.js';

const cues = lexiconRows('tallies.txt').map(([pattern, kind]) => ({ pattern: pattern!, kind: kind as TallyCueFinding['kind'] }));

/** Words of a running tally: a period counted over ("since early 2022"), a cumulative total, "bringing the toll to" (data/lexicons/tallies.txt). */
export class TallyRule extends PatternRule<TallyCueFinding> {
  readonly name = 'TallyRule';
  protected pattern(): string {
    return cues.map((cue, i) => `(?<c${i}>${cue.pattern})`).join('|');
  }

  protected build(match: Match, sentence: Sentence): TallyCueFinding {
    const index = Object.entries(match.groups ?? {}).findIndex(([, value]) => value !== undefined);
    return { kind: cues[index]?.kind ?? 'total', evidence: this.evidence(match, sentence), sentence };
  }
}
