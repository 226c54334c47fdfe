import { loadList } from '../lexicon.js';
import { anyPhrasePattern } from '../phrases.js';
import { isQuoted, sentencesOf } from '../text.js';
import type { LineRule, LineState } from './types.js';

/**
 * Finds sentences that contain a furniture-only phrase ("Download a free sample", "Subscribe to our
 * newsletter", "powered by <Name>"; promo-phrases.txt). A line made of such sentences is removed; such
 * sentences glued to the start or end of a real paragraph are cut off. One in the middle of a paragraph
 * is left alone: there the phrase is more likely news than furniture.
 */
export class PromoPhraseRule implements LineRule {
  readonly name = 'PromoPhraseRule';
  private readonly pattern = anyPhrasePattern(loadList('promo-phrases.txt'));

  apply(state: LineState): void {
    for (const line of state.kept) {
      const sentences = sentencesOf(line.text);
      const isPromo = sentences.map((sentence) => !isQuoted(sentence) && this.pattern.test(sentence));
      if (isPromo.every(Boolean)) {
        state.remove(line, this.name);
        continue;
      }
      let start = 0;
      while (isPromo[start]) start++;
      let end = sentences.length;
      while (isPromo[end - 1]) end--;
      if (start > 0) state.cut(line, sentences.slice(0, start).join(' '), sentences.slice(start).join(' '), this.name);
      if (end < sentences.length) {
        state.cut(line, sentences.slice(end).join(' '), sentences.slice(start, end).join(' '), this.name);
      }
    }
  }
}
