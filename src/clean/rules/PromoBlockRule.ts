import type { LineRule, LineState } from './types.js';
import { promoSignal } from './vocabulary.js';

/** Longer runs between two promo lines are more likely real text between two unrelated widgets. */
const MAX_SANDWICHED_LINES = 2;

/**
 * Removes lines sandwiched inside a promo block (promo lines just before and just after) when they
 * show any promotional sign themselves: a marketing word, "you", a call-to-action verb.
 * A plain news sentence caught between two adverts stays.
 */
export class PromoBlockRule implements LineRule {
  readonly name = 'PromoBlockRule';

  apply(state: LineState): void {
    const lines = state.lines.filter((line) => line.removedAs !== 'caption');
    let start = 0;
    while (start < lines.length) {
      if (lines[start]?.removedAs !== null) {
        start++;
        continue;
      }
      let end = start;
      while (end < lines.length && lines[end]?.removedAs === null) end++;
      const sandwiched = start > 0 && end < lines.length && end - start <= MAX_SANDWICHED_LINES;
      if (sandwiched) {
        for (const line of lines.slice(start, end)) if (promoSignal(line.text).hits > 0) state.remove(line, this.name);
      }
      start = end;
    }
  }
}
