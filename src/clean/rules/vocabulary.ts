// The compiled word lists that several line rules share, built once.
import { loadList, loadWordSet } from '../lexicon.js';
import { wholeLinePattern } from '../phrases.js';
import { isQuoted, wordsOf } from '../text.js';

let promoLines: RegExp | undefined;

/** Stock furniture lines ("Advertisement", "Read more: ..."), promo-lines.txt. */
export function promoLinePattern(): RegExp {
  promoLines ??= wholeLinePattern(loadList('promo-lines.txt'));
  return promoLines;
}

/** How promotional a line reads, from its words alone. */
export interface PromoSignal {
  words: number;
  /** Marketing words, reader-address words, and an opening call-to-action verb. */
  hits: number;
  /** Hits other than "you": an interview question ("How do you prioritize your day?") has none. */
  marketingHits: number;
  addressesReader: boolean;
  opensWithCallToAction: boolean;
}

export function promoSignal(text: string): PromoSignal {
  const words = wordsOf(text);
  if (isQuoted(text)) {
    return { words: words.length, hits: 0, marketingHits: 0, addressesReader: false, opensWithCallToAction: false };
  }
  const marketing = loadWordSet('promo-words.txt');
  const reader = loadWordSet('reader-address.txt');
  const opensWithCallToAction = loadWordSet('promo-imperatives.txt').has(words[0] ?? '');
  const marketingHits = words.filter((word, index) => marketing.has(word) || (index === 0 && opensWithCallToAction));
  return {
    words: words.length,
    hits: marketingHits.length + words.filter((word) => reader.has(word)).length,
    marketingHits: marketingHits.length,
    addressesReader: words.some((word) => reader.has(word)),
    opensWithCallToAction,
  };
}
