import type { LineRule, LineState } from './types.js';
import { promoSignal } from './vocabulary.js';

/** Adverts are short; a long paragraph that says "you" twice is news quoting someone. */
const MAX_WORDS = 25;
const MIN_HITS = 2;
const MIN_HIT_SHARE = 0.25;

/**
 * Removes short lines that speak to the reader (or open with a call to action) in marketing words:
 * "How well do you really know your competitors?", "Get the latest news delivered to your inbox".
 * Speaking to the reader is required, so "Free Syrian Army fighters buy weapons" stays; so is a
 * marketing word, so an interview question ("How do you prioritize your day?") stays.
 */
export class MarketingShapeRule implements LineRule {
  readonly name = 'MarketingShapeRule';

  apply(state: LineState): void {
    for (const line of state.kept) {
      const signal = promoSignal(line.text);
      const isMarketing =
        signal.words <= MAX_WORDS &&
        (signal.addressesReader || signal.opensWithCallToAction) &&
        signal.marketingHits > 0 &&
        signal.hits >= MIN_HITS &&
        signal.hits / signal.words >= MIN_HIT_SHARE;
      if (isMarketing) state.remove(line, this.name);
    }
  }
}
