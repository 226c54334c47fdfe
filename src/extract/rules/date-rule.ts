import * as chrono from 'chrono-node';
import type { TimePrecision } from '../../types.js';
import type { Sentence } from '../sentences.js';
import type { DateFinding } from '../types.js';

const parser = chrono.en.casual;

/**
 * Dates in a sentence, resolved against the publication date by chrono-node. A day gives
 * precision 1, a week phrase 2, a month 3. Without a publication date only dates that carry
 * their own year count: "on Tuesday" cannot be placed, and today's date is never assumed.
 */
export class DateRule {
  readonly name = 'DateRule';

  apply(sentence: Sentence, published: string | null): DateFinding[] {
    const reference = published ? new Date(`${published}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
    const found: DateFinding[] = [];
    for (const result of parser.parse(sentence.text, reference, { forwardDate: false })) {
      if (/\b(?:hours?|minutes?|seconds?)\b/i.test(result.text)) continue;
      const start = result.start;
      const precision = precisionOf(result.text, start);
      if (!precision) continue;
      if (!published && !start.isCertain('year')) continue;
      let date = start.date();
      if (published && date.getTime() > reference.getTime() + 86_400_000 && !start.isCertain('year')) {
        date = new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate(), 12));
      }
      if (published && date.getTime() > reference.getTime() + 86_400_000) continue;
      found.push({
        date: date.toISOString().slice(0, 10),
        precision,
        evidence: { start: sentence.start + result.index, end: sentence.start + result.index + result.text.length, text: result.text, rule: this.name },
        sentence,
      });
    }
    return found;
  }
}

function precisionOf(text: string, start: chrono.ParsedComponents): TimePrecision | null {
  if (/\bweek\b/i.test(text)) return 2;
  if (start.isCertain('day') || start.isCertain('weekday') || /\b(?:yesterday|today|tonight|last night|this morning)\b/i.test(text)) return 1;
  if (start.isCertain('month')) return 3;
  return null;
}
