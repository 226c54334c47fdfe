import type { Element } from '../dom.js';
import { loadWordSet } from '../lexicon.js';
import type { ElementRule } from './types.js';

/** Drops elements that never hold article prose: <script>, <nav>, <aside>, <form>... (furniture-tags.txt). */
export class FurnitureTagRule implements ElementRule {
  readonly name = 'FurnitureTagRule';
  readonly action = 'drop';
  private readonly tags = loadWordSet('furniture-tags.txt');

  matches(element: Element): boolean {
    return this.tags.has(element.name);
  }
}
