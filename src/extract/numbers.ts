// Number phrases: digits, number words, vague plurals, bounds and ranges. The pattern source
// NUMBER is embedded by the casualty rules; parseNumber turns its match into figures.
import type { Qualifier } from '../types.js';
import { alternation, lexiconRows } from './lexicon.js';

interface WordValue {
  value: number;
  vague: boolean;
}

const rows = lexiconRows('numbers.txt');
const words = new Map<string, WordValue>(rows.map(([word, value, flag]) => [word!.toLowerCase(), { value: Number(value), vague: flag === 'vague' || flag === 'unknown' }]));
const qualifierWords = new Map<string, Qualifier>(
  lexiconRows('qualifiers.txt').map(([phrase, qualifier]) => [phrase!.toLowerCase(), qualifier as Qualifier]),
);

const DIGITS = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
const WORD = alternation(rows.filter(([, , flag]) => flag !== 'unknown').map(([word]) => word!.toLowerCase()));
/** "several", "an unknown number of": a figure of its own, never in a range or a longer figure (one copy in the pattern keeps it fast). */
const UNKNOWN = alternation(rows.filter(([, , flag]) => flag === 'unknown').map(([word]) => word!.toLowerCase()));
/** One figure: digits or a run of number words ("twenty-three", "two hundred", "a dozen"). */
const FIGURE = String.raw`(?:${DIGITS}|(?:${WORD})(?:[\s-]+(?:and[\s-]+)?(?:${WORD}))*)`;
const QUALIFIER = alternation([...qualifierWords.keys()]);

/** A number phrase: optional bound, a figure, optionally a range to a second figure. */
export const NUMBER = String.raw`(?:(?:(?:${QUALIFIER})\s+)?(?:between\s+${FIGURE}\s+(?:and|to)\s+${FIGURE}|${FIGURE}(?:\s*(?:-|–|to|or)\s*${FIGURE}(?![\s-]+(?:year|month|week|day|hour)))?)|(?:${UNKNOWN}))`;

export interface ParsedNumber {
  low: number;
  high: number;
  qualifier: Qualifier;
  /** The vague word when the figure is one ("dozens"). */
  vagueWord: string | null;
}

const figureRe = new RegExp(`\\b(${FIGURE}|${UNKNOWN})\\b`, 'gi');
const leadingQualifierRe = new RegExp(`^(${QUALIFIER})\\s+`, 'i');

/** Parses text matched by NUMBER. Returns null when it holds no figure. */
export function parseNumber(text: string): ParsedNumber | null {
  const trimmed = text.trim();
  if (/^an?$/i.test(trimmed)) return { low: 1, high: 1, qualifier: 'exact', vagueWord: null };
  const bound = leadingQualifierRe.exec(trimmed);
  // "as many as two": the bound's own words are no figure.
  const figures = [...trimmed.slice(bound?.[0].length ?? 0).matchAll(figureRe)]
    .map((m) => parseFigure(m[1]!))
    .filter((f): f is { value: number; vagueWord: string | null } => f !== null);
  const first = figures[0];
  if (!first) return null;
  const second = figures[1];
  if (second && second.value > first.value) {
    return { low: first.value, high: second.value, qualifier: 'range', vagueWord: null };
  }
  const qualifier: Qualifier = first.vagueWord ? 'vague' : bound ? qualifierWords.get(bound[1]!.toLowerCase().replace(/[\s-]+/g, ' '))! : 'exact';
  return { low: first.value, high: first.value, qualifier, vagueWord: first.vagueWord };
}

/** Value of one figure: "1,200" -> 1200, "twenty-three" -> 23, "two hundred and five" -> 205. */
export function parseFigure(text: string): { value: number; vagueWord: string | null } | null {
  const clean = text.toLowerCase().trim();
  if (/^\d/.test(clean)) return { value: Number(clean.replace(/,/g, '')), vagueWord: null };
  const whole = words.get(clean.replace(/[\s-]+/g, ' '));
  if (whole) return { value: whole.value, vagueWord: whole.vague ? clean : null };
  let total = 0;
  let current = 0;
  for (const token of clean.split(/[\s-]+/)) {
    if (token === 'and' || token === 'a') continue;
    const word = words.get(token);
    if (!word) return null;
    if (word.vague) return { value: word.value, vagueWord: token };
    if (word.value === 100 || token === 'dozen') current = (current || 1) * word.value;
    else if (word.value >= 1000) {
      total += (current || 1) * word.value;
      current = 0;
    } else current += word.value;
  }
  return { value: total + current, vagueWord: null };
}
