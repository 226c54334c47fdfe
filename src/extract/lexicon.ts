// Loads the commented word lists in data/lexicons/. Format: one entry a line, fields separated
// by " | ", `#` starts a comment. Files are read once and cached.
import { readFileSync } from 'node:fs';

const cache = new Map<string, string[][]>();

/** Rows of a lexicon file: each row is its trimmed, non-empty fields. */
export function lexiconRows(name: string): string[][] {
  let rows = cache.get(name);
  if (!rows) {
    const text = readFileSync(new URL(`../../data/lexicons/${name}`, import.meta.url), 'utf8');
    rows = parseLexicon(text);
    cache.set(name, rows);
  }
  return rows;
}

export function parseLexicon(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\n')) {
    const content = line.replace(/(^|\s)#.*$/, '').trim();
    if (content) rows.push(content.split(/\s+\|\s+/).map((f) => f.trim()));
  }
  return rows;
}

/** Escapes a phrase for a RegExp, letting spaces and hyphens match either spelling ("air strike", "air-strike", "airstrike"). */
export function phrasePattern(phrase: string): string {
  return phrase
    .split(/[\s-]+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s-]?');
}

/** One alternation of all phrases, longest first so the longest match wins. */
export function alternation(phrases: string[]): string {
  return [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map(phrasePattern)
    .join('|');
}
