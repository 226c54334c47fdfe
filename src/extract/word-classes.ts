// Classes of words that rules read (data/lexicons/word-classes.txt), as regular-expression
// alternations: the rules keep the grammar, the data file keeps the words.
import { lexiconRows } from './lexicon.js';

const classes = new Map<string, string[]>();
for (const [name, words] of lexiconRows('word-classes.txt')) {
  classes.set(name!, [...(classes.get(name!) ?? []), ...words!.split(/\s*,\s*/).filter(Boolean)]);
}

/** The words of a class as one non-capturing alternation; throws for a class the data file lacks. */
export function wordClass(name: string): string {
  const words = classes.get(name);
  if (!words) throw new Error(`data/lexicons/word-classes.txt has no class "${name}"`);
  return `(?:${words.join('|')})`;
}
