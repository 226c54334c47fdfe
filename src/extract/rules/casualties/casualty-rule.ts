// Shared shape of the casualty rules: each pattern has named groups `num` (the figure),
// optionally `victim` (the victim noun) and `verb` (the casualty word).
import { parseNumber } from '../../numbers.js';
import type { Sentence } from '../../sentences.js';
import type { CasualtyFinding } from '../../types.js';
import { measureOf, victimClass } from '../../vocabulary.js';
import { PatternRule, type Match } from '../pattern-rule.js';
import type { Measure } from '../../../types.js';

export abstract class CasualtyRule extends PatternRule<CasualtyFinding> {
  /** Measure when the pattern has no `verb` group. */
  protected defaultMeasure: Measure = 'killed';
  protected partOfPrevious = false;

  protected build(match: Match, sentence: Sentence): CasualtyFinding | null {
    const groups = match.groups ?? {};
    const figure = parseNumber(groups.num ?? '');
    if (!figure) return null;
    return {
      measure: groups.verb ? measureOf(groups.verb) : this.defaultMeasure,
      victims: victimClass(groups.victim),
      figure,
      evidence: this.evidence(match, sentence),
      sentence,
      partOfPrevious: this.partOfPrevious,
    };
  }
}
