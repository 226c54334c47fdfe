// The one reader of the commented data files under data/ (word lists, lexicons, geocoding rules).
// Every file follows the same conventions: `#` at the start of a line or after a space starts a
// comment, blank lines are skipped, and an entry's fields are separated by a TAB (data/geocode/)
// or by " | " (data/lexicons/, data/eval/). Files are read once and cached.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root: this file sits two levels down, in src/util/ or dist/util/. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** How an entry's fields are separated: a TAB, " | ", or not at all (one field a line). */
export type FieldSeparator = 'tab' | 'pipe' | 'none';

const SEPARATORS: Record<FieldSeparator, RegExp | null> = { tab: /\t/, pipe: /\s+\|\s+/, none: null };
const COMMENT = /(^|\s)#.*$/;

/** Absolute path of a file under data/, e.g. `dataFilePath('geocode/countries.tsv')`. */
export function dataFilePath(relative: string): string {
  return `${projectRoot}data/${relative}`;
}

/** A data file's text as it is (for hashing it, or for rules that read it whole). */
export function readDataFile(relative: string): string {
  return readFileSync(dataFilePath(relative), 'utf8');
}

/** Entries of commented text: comments and blank lines dropped, each entry split into trimmed fields. */
export function parseDataRows(text: string, separator: FieldSeparator): string[][] {
  const split = SEPARATORS[separator];
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const content = line.replace(COMMENT, '').trimEnd();
    if (content.trim() === '') continue;
    rows.push(split ? content.split(split).map((field) => field.trim()) : [content.trim()]);
  }
  return rows;
}

const cache = new Map<string, string[][]>();

/** Entries of `data/<relative>`, split into fields; read once. */
export function dataRows(relative: string, separator: FieldSeparator): string[][] {
  const key = `${separator} ${relative}`;
  let rows = cache.get(key);
  if (!rows) {
    rows = parseDataRows(readDataFile(relative), separator);
    cache.set(key, rows);
  }
  return rows;
}

/** Entries of a list with one entry a line. */
export function dataLines(relative: string): string[] {
  return dataRows(relative, 'none').map(([entry = '']) => entry);
}
