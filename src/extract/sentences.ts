// Splits clean text into sentences with their offsets. Lines are paragraphs; a sentence
// never crosses a line. Abbreviations ("Gen.", "U.S.") and initials do not end a sentence.
import type { Span } from '../types.js';
import { lexiconRows } from './lexicon.js';

export interface Sentence extends Span {
  text: string;
  /** Index of the sentence in the report. */
  index: number;
  /** Index of the paragraph (line) it belongs to. */
  paragraph: number;
}

const abbreviations = new Set(lexiconRows('abbreviations.txt').map(([w]) => w!.toLowerCase()));

/**
 * A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace, then a likely sentence start;
 * or a full stop typed without its space between a lower-case word and a capitalised one ("last night.The driver died").
 */
const boundary = /([.!?]+)(["'”’)\]]*)(\s+(?=["'“‘([]?[A-Z0-9])|(?<=[a-z]{2}[.!?]+)(?=[A-Z][a-z]))/g;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let start = 0;
    for (const match of line.matchAll(boundary)) {
      const end = match.index + match[1]!.length + match[2]!.length;
      if (match[1] === '.' && isAbbreviation(line.slice(0, match.index))) continue;
      push(line, start, end);
      start = end + match[3]!.length;
    }
    push(line, start, line.length);
    lineStart += line.length + 1;
    paragraph++;
  }
  return sentences;

  function push(line: string, from: number, to: number) {
    const raw = line.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) return;
    const start = lineStart + from + lead;
    sentences.push({ text: body, start, end: start + body.length, index: sentences.length, paragraph });
  }
}

function isAbbreviation(before: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  if (/^[A-Z]$/.test(word)) return true; // an initial: "George W. Bush"
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return true; // "U.S", "U.N"
  return abbreviations.has(word.replace(/^\W+/, '').toLowerCase());
}
