import { NUMBER, parseNumber } from '../../numbers.js';
import type { Sentence } from '../../sentences.js';
import type { CasualtyFinding } from '../../types.js';
import { ADVERBS, CASUALTY_VERB, MODIFIERS, VICTIM, measureOf, victimClass } from '../../vocabulary.js';
import { PatternRule, type Match } from '../pattern-rule.js';

const FIGURE_OR_ARTICLE = String.raw`(?:${NUMBER}|an?)`;
const CONJUNCT = String.raw`${FIGURE_OR_ARTICLE}\s+${MODIFIERS}(?:${VICTIM})`;
// Each group ends at a comma, an "and" or the end of the list, so "2 Rangers policemen" is one group.
const conjunct = new RegExp(String.raw`\b(?<num>${FIGURE_OR_ARTICLE})\s+${MODIFIERS}(?<victim>${VICTIM})(?=\s*(?:,|\band\b|$))`, 'gid');

/**
 * "five soldiers and 12 militants dead", "two policemen, a child and three women were killed": one finding per group.
 * A group of no class ("two women and a man") makes the list a total of its own, with the classed groups as its parts.
 */
export class CoordinatedVictimsRule extends PatternRule<CasualtyFinding> {
  readonly name = 'CoordinatedVictimsRule';
  protected pattern(): string {
    return String.raw`\b(?<list>${CONJUNCT}(?:\s*,\s*${CONJUNCT})*,?\s+and\s+${CONJUNCT})\s+(?:(?:have|has|had)\s+)?(?:(?:been|were|was|are)\s+)?${ADVERBS}(?<verb>${CASUALTY_VERB})\b`;
  }

  protected build(match: Match, sentence: Sentence): CasualtyFinding[] {
    const [listStart] = match.indices.groups!.list!;
    const measure = measureOf(match.groups!.verb!);
    // Groups of the same class in one list add up: "1 Karachi policeman and 2 Rangers policemen".
    const byClass = new Map<string, CasualtyFinding>();
    for (const part of match.groups!.list!.matchAll(conjunct)) {
      const figure = parseNumber(part.groups!.num!);
      if (!figure) continue;
      const victims = victimClass(part.groups!.victim);
      const start = sentence.start + listStart + part.index;
      const same = byClass.get(victims);
      if (same) {
        same.figure = { ...same.figure, low: same.figure.low + figure.low, high: same.figure.high + figure.high };
        same.evidence = { ...same.evidence, end: start + part[0].length, text: sentence.text.slice(same.evidence.start - sentence.start, start - sentence.start + part[0].length) };
      } else {
        byClass.set(victims, { measure, victims, figure, evidence: { start, end: start + part[0].length, text: part[0], rule: this.name }, sentence, partOfPrevious: false });
      }
    }
    const groups = [...byClass.values()];
    if (groups.length < 2 || !byClass.has('all')) return groups;
    const [first, last] = [groups[0]!, groups.at(-1)!].sort((a, b) => a.evidence.start - b.evidence.start);
    const sum = (key: 'low' | 'high') => groups.reduce((total, g) => total + g.figure[key], 0);
    const total: CasualtyFinding = {
      ...first!,
      victims: 'all',
      figure: { low: sum('low'), high: sum('high'), qualifier: groups.every((g) => g.figure.qualifier === 'exact') ? 'exact' : 'at_least', vagueWord: null },
      evidence: { start: first!.evidence.start, end: last!.evidence.end, text: sentence.text.slice(first!.evidence.start - sentence.start, last!.evidence.end - sentence.start), rule: this.name },
    };
    return [total, ...groups.filter((g) => g.victims !== 'all').map((g) => ({ ...g, partOfPrevious: true }))];
  }
}
