import { alternation, lexiconRows } from '../lexicon.js';
import type { Sentence } from '../sentences.js';
import type { HedgeFinding } from '../types.js';
import { PatternRule, type Match } from './pattern-rule.js';

const scopes = new Map(lexiconRows('hedges.txt').map(([phrase, scope]) => [phrase!.toLowerCase(), scope as HedgeFinding['scope']]));

/** Hedges on figures: "the number is expected to rise", "we are not sure yet" (data/lexicons/hedges.txt). */
export class HedgeRule extends PatternRule<HedgeFinding> {
  readonly name = 'HedgeRule';
  protected pattern(): string {
    return String.raw`\b(?:${alternation([...scopes.keys()])})\b`;
  }

  protected build(match: Match, sentence: Sentence): HedgeFinding {
    // The hedge's evidence is the clause around the phrase, which reads better than the phrase alone.
    const clause = clauseAround(sentence.text, match.index, match.index + match[0].length);
    return {
      scope: scopes.get(match[0].toLowerCase().replace(/\s+/g, ' ')) ?? 'sentence',
      evidence: { start: sentence.start + clause.start, end: sentence.start + clause.end, text: sentence.text.slice(clause.start, clause.end), rule: this.name },
      sentence,
    };
  }
}

/** The clause holding [from, to): from the previous comma, semicolon, "and" or full stop to the next comma, semicolon, "as" or full stop. */
function clauseAround(text: string, from: number, to: number): { start: number; end: number } {
  const before = text.slice(0, from);
  let start = Math.max(0, ...[',', ';', '.', ' and '].map((mark) => {
    const at = before.lastIndexOf(mark);
    return at < 0 ? 0 : at + mark.length;
  }));
  const next = /[,;.]|\sas\s/.exec(text.slice(to));
  let end = next ? to + next.index : text.length;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
