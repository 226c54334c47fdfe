import { isQuoted, wordsOf } from '../text.js';
import type { LineRule, LineState } from './types.js';
import { promoLinePattern } from './vocabulary.js';

/** "Read more: <headline>" labels stay short; a long line that opens with such a label is a paragraph. */
const MAX_WORDS = 30;

/** Removes stock furniture lines: "Advertisement", "Thank you!", "Share this article", "Read more: ..." (promo-lines.txt). */
export class PromoLineRule implements LineRule {
  readonly name = 'PromoLineRule';

  apply(state: LineState): void {
    for (const line of state.kept) {
      if (isQuoted(line.text) || wordsOf(line.text).length > MAX_WORDS) continue;
      if (promoLinePattern().test(line.text)) state.remove(line, this.name);
    }
  }
}
