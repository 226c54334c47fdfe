import { classWords, type Element } from '../dom.js';

/** Tests whether an element's class/id words contain one of the runs listed in a data file (see furniture-classes.txt). */
export function classRunMatcher(entries: readonly string[]): (element: Element) => boolean {
  const runs = entries.map((entry) => ` ${entry.toLowerCase().split(/[^\p{L}\p{N}]+/u).join(' ')} `);
  return (element) => {
    if (element.attribs.class === undefined && element.attribs.id === undefined) return false;
    const words = classWords(element);
    return runs.some((run) => words.includes(run));
  };
}
