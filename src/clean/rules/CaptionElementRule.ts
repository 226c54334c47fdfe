import type { Element } from '../dom.js';
import { loadList } from '../lexicon.js';
import { classRunMatcher } from './classRuns.js';
import type { ElementRule } from './types.js';

/** Sends <figcaption> and elements classed as captions or photo credits to `captions` (caption-classes.txt). */
export class CaptionElementRule implements ElementRule {
  readonly name = 'CaptionElementRule';
  readonly action = 'caption';
  private readonly isCaptionClass = classRunMatcher(loadList('caption-classes.txt'));

  matches(element: Element): boolean {
    return element.name === 'figcaption' || this.isCaptionClass(element);
  }
}
