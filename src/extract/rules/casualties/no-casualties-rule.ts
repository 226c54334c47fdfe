import { ADVERBS } from '../../vocabulary.js';
import type { Sentence } from '../../sentences.js';
import type { CasualtyFinding } from '../../types.js';
import { PatternRule, type Match } from '../pattern-rule.js';

/** "No casualties were reported", "nobody was hurt", "no one was killed": a figure of zero. */
export class NoCasualtiesRule extends PatternRule<CasualtyFinding> {
  readonly name = 'NoCasualtiesRule';
  protected override readonly prefilter = /\b(?:no|nobody|none)\b/i;
  protected pattern(): string {
    return String.raw`\b(?:no\s+(?:immediate\s+)?(?:reports?\s+of\s+)?(?<noun>casualties|deaths|fatalities|loss of life|injuries)|(?:nobody|no one|none)\s+(?:was|were|has been)\s+${ADVERBS}(?<verb>killed|hurt|injured|wounded))\b`;
  }

  protected build(match: Match, sentence: Sentence): CasualtyFinding {
    const word = (match.groups?.noun ?? match.groups?.verb ?? '').toLowerCase();
    return {
      measure: /injur|hurt|wound/.test(word) ? 'injured' : 'killed',
      victims: 'all',
      figure: { low: 0, high: 0, qualifier: 'exact', vagueWord: null },
      evidence: this.evidence(match, sentence),
      sentence,
      partOfPrevious: false,
    };
  }
}
