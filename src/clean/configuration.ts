// The clean stage's rules, in the order they run. To change what Vigil treats as furniture,
// edit the word lists in data/clean/ first; add a rule here only for a new kind of evidence.
import { CaptionElementRule } from './rules/CaptionElementRule.js';
import { CaptionRule } from './rules/CaptionRule.js';
import { FurnitureClassRule } from './rules/FurnitureClassRule.js';
import { FurnitureTagRule } from './rules/FurnitureTagRule.js';
import { GluedPromoRule } from './rules/GluedPromoRule.js';
import { HiddenElementRule } from './rules/HiddenElementRule.js';
import { MarketingShapeRule } from './rules/MarketingShapeRule.js';
import { PromoBlockRule } from './rules/PromoBlockRule.js';
import { PromoLineRule } from './rules/PromoLineRule.js';
import { PromoPhraseRule } from './rules/PromoPhraseRule.js';
import type { ElementRule, LineRule } from './rules/types.js';

export interface CleanConfiguration {
  /** HTML only, before the main content is chosen; the first matching rule decides an element's fate. */
  elementRules: ElementRule[];
  /** Both formats, on the paragraphs, each rule seeing what the earlier ones removed. */
  lineRules: LineRule[];
}

export function createConfiguration(): CleanConfiguration {
  return {
    elementRules: [
      new FurnitureTagRule(), // <script>, <nav>, <aside>, <form>...
      new HiddenElementRule(), // hidden, aria-hidden, display: none
      new FurnitureClassRule(), // class="share-bar", id="newsletter"...
      new CaptionElementRule(), // <figcaption>, class="photo-credit" -> captions
    ],
    lineRules: [
      new CaptionRule(), // "Image: ...", "(Photo by X/Getty Images)" -> captions, before promo rules read them
      new PromoLineRule(), // "Advertisement", "Thank you!", "Read more: ..."
      new PromoPhraseRule(), // "... Download a free sample", "powered by GlobalData"
      new MarketingShapeRule(), // short lines speaking to the reader in marketing words
      new PromoBlockRule(), // promotional lines sandwiched between promo lines
      new GluedPromoRule(), // "By GlobalDataRaqqa is ..." -> "Raqqa is ...", once the block is known
    ],
  };
}
