// Text as words for mention finding: each word with its offsets and what surrounds it (a hyphen, a
// sentence start, punctuation), the locative phrases before a name and the descriptors around it.
import { stripDescriptors, type DescribedName } from './normalize.js';
import { mentionRules, type Locative } from './mention-rules.js';

/** Lower-case words that may sit inside a name ("Heroica Puebla de Zaragoza", "Ayn al Arab"). */
export const NAME_CONNECTORS = new Set(['de', 'del', 'da', 'do', 'dos', 'das', 'di', 'du', 'la', 'le', 'les', 'los', 'las', 'bin', 'ibn', 'bani', 'ben', 'of', 'and', 'e', 'i']);
export const MAX_NAME_WORDS = 6;

export interface Word {
  text: string;
  start: number;
  end: number;
  capitalised: boolean;
  /** Joined to the previous word by a hyphen ("ez-Zor", "Kusarha-Zalidava"). */
  hyphenated: boolean;
  /** A sentence starts with this word. */
  sentenceStart: boolean;
  /** Punctuation (comma, bracket, full stop...) or a line break separates it from the previous word. */
  afterPunctuation: boolean;
  /** Part of an organisation's name ("Islamic State"): never part of a place name. */
  masked: boolean;
  /** Codes such as "PD10" or "M4" are not names. */
  hasDigit: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’ʿʾ`][\p{L}]+)*/gu;
const SENTENCE_END = /[.!?\n]\s*["“'‘(]?\s*$/;

export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    let wordText = match[0];
    if (/['’]s$/.test(wordText)) wordText = wordText.slice(0, -2); // possessive: "Aleppo's"
    const start = match.index;
    const previous = words[words.length - 1];
    const gap = previous ? text.slice(previous.end, start) : '';
    words.push({
      text: wordText,
      start,
      end: start + wordText.length,
      capitalised: /^\p{Lu}/u.test(wordText),
      hyphenated: gap === '-',
      sentenceStart: !previous || SENTENCE_END.test(text.slice(Math.max(0, start - 6), start)),
      afterPunctuation: !previous || /[^\s-]|\n/.test(gap),
      masked: false,
      hasDigit: /\p{N}/u.test(wordText),
    });
  }
  return words;
}

/** The locative phrase (if any) that ends right before word `index`, skipping "the". */
export function locativeBefore(words: Word[], index: number): Locative | null {
  let end = index;
  if (words[end - 1]?.text.toLowerCase() === 'the' && !words[end - 1]?.afterPunctuation) end--;
  for (const locative of mentionRules().locatives) {
    const from = end - locative.words.length;
    if (from < 0 || words[end]?.afterPunctuation) continue;
    const matches = locative.words.every((w, k) => {
      const word = words[from + k] as Word;
      return word.text.toLowerCase() === w && (k === 0 || !word.afterPunctuation);
    });
    if (matches) return locative;
  }
  return null;
}

/** The locative phrase (if any) that opens the span from word `from`, before the name at word `first`. */
export function locativeOpening(words: Word[], from: number, first: number): Locative | null {
  const opening = mentionRules().locatives.find(
    (locative) => from + locative.words.length <= first && locative.words.every((w, k) => words[from + k]?.text.toLowerCase() === w),
  );
  return opening ?? null;
}

/** Descriptor rules that say something (a modifier or a wanted kind), unlike a bare "the". */
function meaningfulRules(described: DescribedName): number {
  return described.modifier === null && described.wants === null ? 0 : described.rules.length;
}

/**
 * Descriptor words around a name ("the city of X", "X province", "eastern X countryside"): the widest
 * span of up to six words before and three after that strips back to exactly the name.
 */
export function describe(text: string, words: Word[], first: number, last: number) {
  const name = text.slice((words[first] as Word).start, (words[last] as Word).end);
  let best = { from: first, to: last, described: { ...stripDescriptors(''), core: name, rules: [] as string[] } };
  for (let left = 0; left <= 6; left++) {
    for (let right = 0; right <= 3; right++) {
      const from = first - left;
      const to = last + right;
      // Stay inside the sentence, and never start inside a hyphenated word ("north-eastern").
      if (from < 0 || to >= words.length || words.slice(from + 1, to + 1).some((w) => w.afterPunctuation) || (words[from] as Word).hyphenated) continue;
      const described = stripDescriptors(text.slice((words[from] as Word).start, (words[to] as Word).end));
      const rules = meaningfulRules(described);
      // On a tie, the wider unit word wins ("Sadar Upazila" over "Sadar"), the opening stays ("outskirts of X").
      const better = rules > meaningfulRules(best.described) || (rules > 0 && rules === meaningfulRules(best.described) && from === best.from);
      if (described.core === name && better) best = { from, to, described };
    }
  }
  return best;
}


export function siteNounAfter(words: Word[], index: number): number {
  for (const noun of mentionRules().siteNouns) {
    const matches = noun.every((w, k) => {
      const word = words[index + k];
      return word !== undefined && word.text.toLowerCase() === w && !word.afterPunctuation;
    });
    if (matches) return noun.length;
  }
  return 0;
}


/** Words that join two names in one run without being part of either: "X of Y district", "X and Y". */
const JOINERS = new Set(['of', 'and']);

export function splitAtJoiners(run: Word[]): Word[][] {
  const parts: Word[][] = [[]];
  for (const word of run) {
    if (JOINERS.has(word.text)) parts.push([]);
    else (parts[parts.length - 1] as Word[]).push(word);
  }
  return parts.filter((part) => part.length > 0);
}


export function wordIndexAt(words: Word[], end: number): number {
  return words.findLastIndex((w) => w.end <= end);
}
