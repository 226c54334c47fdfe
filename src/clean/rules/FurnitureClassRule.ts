import type { Element } from '../dom.js';
import { loadList } from '../lexicon.js';
import { classRunMatcher } from './classRuns.js';
import type { ElementRule } from './types.js';

/** Drops elements whose class or id names them as furniture: menu, share, newsletter, ad... (furniture-classes.txt). */
export class FurnitureClassRule implements ElementRule {
  readonly name = 'FurnitureClassRule';
  readonly action = 'drop';
  private readonly isFurniture = classRunMatcher(loadList('furniture-classes.txt'));

  matches(element: Element): boolean {
    return this.isFurniture(element);
  }
}
