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
// The run of punctuation is taken whole (it starts and ends at a non-punctuation character), so a
// long run that ends no sentence costs its length once, not its length squared.
const boundary = /(?<![.!?])([.!?]+)(?![.!?])(["'”’)\]]*)(\s+(?=["'“‘([]?[A-Z0-9])|(?<=[a-z]{2}[.!?]+)(?=[A-Z][a-z]))/g;

/**
 * Longer stretches without a sentence end (lists, tables, garbage) are cut at white space into
 * pieces this long at most: no rule ever reads more at once, so extraction stays linear in the text.
 */
const LONGEST_SENTENCE = 1000;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let start = 0;
    for (const match of line.matchAll(boundary)) {
      const end = match.index + match[1]!.length + match[2]!.length;
      if (match[1] === '.' && isAbbreviation(line, match.index)) continue;
      push(line, start, end);
      start = end + match[3]!.length;
    }
    push(line, start, line.length);
    lineStart += line.length + 1;
    paragraph++;
  }
  return sentences;

  function push(line: string, from: number, to: number) {
    for (let at = from; at < to; ) {
      while (at < to && /\s/.test(line[at]!)) at++;
      if (at === to) return;
      let end = to;
      if (end - at > LONGEST_SENTENCE) {
        const space = line.lastIndexOf(' ', at + LONGEST_SENTENCE);
        end = space > at ? space : at + LONGEST_SENTENCE;
      }
      const body = line.slice(at, end).trimEnd();
      sentences.push({ text: body, start: lineStart + at, end: lineStart + at + body.length, index: sentences.length, paragraph });
      at = end;
    }
  }
}

/** No abbreviation or initialism is longer; the word before a full stop is read back this far at most. */
const LONGEST_WORD = 64;

/** Whether the word ending at `end` of `line` (just before a full stop) is an abbreviation or an initial. */
function isAbbreviation(line: string, end: number): boolean {
  let start = end;
  while (start > 0 && end - start < LONGEST_WORD && !/\s/.test(line[start - 1]!)) start--;
  const word = line.slice(start, end);
  if (/^[A-Z]$/.test(word)) return true; // an initial: "George W. Bush"
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return true; // "U.S", "U.N"
  return abbreviations.has(word.replace(/^\W+/, '').toLowerCase());
}
