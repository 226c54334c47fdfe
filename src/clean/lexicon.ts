// Word lists of the clean stage live in data/clean/ as commented plain text, one entry a line.
import { dataLines } from '../util/data-file.js';

const wordSets = new Map<string, ReadonlySet<string>>();

/** Entries of `data/clean/<file>`. */
export function loadList(file: string): readonly string[] {
  return dataLines(`clean/${file}`);
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
