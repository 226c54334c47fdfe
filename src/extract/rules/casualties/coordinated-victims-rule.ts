import { NUMBER, parseNumber } from '../../numbers.js';
import type { Sentence } from '../../sentences.js';
import type { CasualtyFinding } from '../../types.js';
import { ADVERBS, CASUALTY_VERB, MODIFIERS, VICTIM, measureOf, victimClass } from '../../vocabulary.js';
import { PatternRule, type Match } from '../pattern-rule.js';

const CONJUNCT = String.raw`${NUMBER}\s+${MODIFIERS}(?:${VICTIM})`;
const conjunct = new RegExp(String.raw`(?<num>${NUMBER})\s+${MODIFIERS}(?<victim>${VICTIM})`, 'gid');

/** "five soldiers and 12 militants dead", "two policemen, a child and three women were killed": one finding per group. */
export class CoordinatedVictimsRule extends PatternRule<CasualtyFinding> {
  readonly name = 'CoordinatedVictimsRule';
  protected pattern(): string {
    return String.raw`\b(?<list>${CONJUNCT}(?:\s*,\s*${CONJUNCT})*,?\s+and\s+${CONJUNCT})\s+(?:(?:have|has|had)\s+)?(?:(?:been|were|was|are)\s+)?${ADVERBS}(?<verb>${CASUALTY_VERB})\b`;
  }

  protected build(match: Match, sentence: Sentence): CasualtyFinding[] {
    const [listStart] = match.indices.groups!.list!;
    const measure = measureOf(match.groups!.verb!);
    return [...match.groups!.list!.matchAll(conjunct)].flatMap((part) => {
      const figure = parseNumber(part.groups!.num!);
      if (!figure) return [];
      const start = sentence.start + listStart + part.index;
      return [{
        measure,
        victims: victimClass(part.groups!.victim),
        figure,
        evidence: { start, end: start + part[0].length, text: part[0], rule: this.name },
        sentence,
        partOfPrevious: false,
      }];
    });
  }
}
