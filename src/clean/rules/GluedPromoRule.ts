import { loadList } from '../lexicon.js';
import { isQuoted, wordsOf } from '../text.js';
import type { Line, LineRule, LineState } from './types.js';
import { promoLinePattern } from './vocabulary.js';

/** Glued furniture sits at the very start of a line. */
const MAX_PREFIX_CHARS = 80;
/** Credit names run one to three words ("By GlobalData", "Powered by Acme Research Group"). */
const MAX_CREDIT_NAME_WORDS = 3;
/** Short stock words hide inside brand names ("AdWords", "NextGen"); only longer ones are cut. */
const MIN_STOCK_PREFIX_CHARS = 8;

/** Positions inside words where a lower-case letter meets an upper-case one: "GlobalData|Raqqa". */
function humps(text: string): number[] {
  return [...text.matchAll(/(?<=\p{Ll})\p{Lu}/gu)].map((match) => match.index);
}

/**
 * Cuts furniture glued to the next real sentence without a space, where a lower-case letter meets an
 * upper-case one: "AdvertisementThe army said..." and, right after a removed promo block,
 * "By GlobalDataRaqqa is Being Silently Slaughtered group spokesman ..." (credit-markers.txt).
 */
export class GluedPromoRule implements LineRule {
  readonly name = 'GluedPromoRule';
  private readonly credit: RegExp;

  constructor() {
    const markers = loadList('credit-markers.txt').map((marker) => marker.replace(/\s+/g, '\\s+'));
    this.credit = new RegExp(`^(?:${markers.join('|')})\\s+`, 'i');
  }

  apply(state: LineState): void {
    const lines = state.lines.filter((line) => line.removedAs !== 'caption');
    const removedWords = new Set(state.removed.flatMap((removal) => wordsOf(removal.text)));
    lines.forEach((line, index) => {
      if (line.removedAs !== null || isQuoted(line.text)) return;
      const afterPromo = lines[index - 1]?.removedAs === 'promo';
      const cut = this.stockPrefixEnd(line) ?? (afterPromo ? this.creditEnd(line, removedWords) : null);
      if (cut !== null) state.cut(line, line.text.slice(0, cut), line.text.slice(cut), this.name);
    });
  }

  /** "AdvertisementThe ...", "Read moreSyria ...": a stock furniture line glued to a sentence. */
  private stockPrefixEnd(line: Line): number | null {
    const cut = humps(line.text.slice(0, MAX_PREFIX_CHARS)).find((position) => {
      const prefix = line.text.slice(0, position);
      return prefix.length >= MIN_STOCK_PREFIX_CHARS && promoLinePattern().test(prefix);
    });
    return cut ?? null;
  }

  /**
   * "By GlobalDataRaqqa ...": the first credit word with a hump is the glued one. Brand names have humps of
   * their own, so the cut goes after the part already seen in the removed promo text, else at the last hump.
   */
  private creditEnd(line: Line, removedWords: Set<string>): number | null {
    const marker = this.credit.exec(line.text);
    if (!marker) return null;
    let offset = marker[0].length;
    for (const word of line.text.slice(offset).split(' ').slice(0, MAX_CREDIT_NAME_WORDS)) {
      if (!/^\p{Lu}/u.test(word)) return null;
      const positions = humps(word);
      if (positions.length > 0) {
        const known = positions.filter((position) => removedWords.has(word.slice(0, position).toLowerCase()));
        const position = known.at(-1) ?? positions.at(-1) ?? 0;
        return offset + position;
      }
      offset += word.length + 1;
    }
    return null;
  }
}
