// Word lists of the clean stage live in data/clean/ as commented plain text.
import { readFileSync } from 'node:fs';

const cache = new Map<string, readonly string[]>();
const wordSets = new Map<string, ReadonlySet<string>>();

/**
 * Entries of `data/clean/<file>`: one a line, `#` starts a comment, blank lines ignored.
 * The path is relative to this module, so it resolves from `src/clean/` and from `dist/clean/`.
 */
export function loadList(file: string): readonly string[] {
  let entries = cache.get(file);
  if (!entries) {
    const text = readFileSync(new URL(`../../data/clean/${file}`, import.meta.url), 'utf8');
    entries = text
      .split(/\r?\n/)
      .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
      .filter((line) => line !== '');
    cache.set(file, entries);
  }
  return entries;
}

/** A list as a set of lower-case entries, for word look-ups. */
export function loadWordSet(file: string): ReadonlySet<string> {
  let words = wordSets.get(file);
  if (!words) {
    words = new Set(loadList(file).map((entry) => entry.toLowerCase()));
    wordSets.set(file, words);
  }
  return words;
}
