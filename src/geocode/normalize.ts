// Name normalisation: the rules live in data/geocode/normalize.rules; this file only applies them.
import { dataRows } from '../util/data-file.js';

export type Modifier = 'near' | 'outskirts' | 'countryside' | 'district';
/** Which kind of gazetteer entry a descriptor asks for ("X province" asks for a region). */
export type Wanted = 'town' | 'region' | 'district';

interface Descriptor {
  id: string;
  words: string;
  modifier: Modifier | null;
  wants: Wanted | null;
}

interface Fold {
  from: string;
  to: string;
  /** Only after a word's first letter. */
  inside: boolean;
}

interface NormalisationRules {
  /** Marks to delete and letters to respell, as one character class. */
  markOrLetter: RegExp;
  letters: Map<string, string>;
  articles: Set<string>;
  tails: Array<{ from: string; to: string }>;
  /** Fold rules by their first letter, in file order. */
  folds: Map<string, Fold[]>;
  prefixes: Descriptor[];
  suffixes: Descriptor[];
  unitPhrases: Set<string>;
}

let cachedRules: NormalisationRules | null = null;

function rules(): NormalisationRules {
  if (cachedRules) return cachedRules;
  const marks: string[] = [];
  const parsed: NormalisationRules = {
    markOrLetter: /$^/,
    letters: new Map(),
    articles: new Set(),
    tails: [],
    folds: new Map(),
    prefixes: [],
    suffixes: [],
    unitPhrases: new Set(),
  };
  for (const [kind, id = '', a = '', b = '', c = ''] of dataRows('geocode/normalize.rules', 'tab')) {
    if (kind === 'mark') marks.push(...a);
    else if (kind === 'letter') parsed.letters.set(a, b);
    else if (kind === 'article') for (const word of a.split(' ')) parsed.articles.add(word);
    else if (kind === 'tail') parsed.tails.push({ from: a, to: b });
    else if (kind === 'fold') {
      const first = a.charAt(0);
      parsed.folds.set(first, [...(parsed.folds.get(first) ?? []), { from: a, to: b, inside: c === 'inside' }]);
    }
    else if (kind === 'unit') for (const phrase of a.split('|')) parsed.unitPhrases.add(phrase);
    else if (kind === 'prefix' || kind === 'suffix') {
      const descriptor: Descriptor = {
        id,
        words: a.toLowerCase(),
        modifier: b === '-' ? null : (b as Modifier),
        wants: c === '-' ? null : (c as Wanted),
      };
      (kind === 'prefix' ? parsed.prefixes : parsed.suffixes).push(descriptor);
    } else throw new Error(`normalize.rules: unknown rule kind "${kind}"`);
  }
  const characterClass = [...marks, ...parsed.letters.keys()].map((ch) => `\\u{${(ch.codePointAt(0) as number).toString(16)}}`).join('');
  parsed.markOrLetter = new RegExp(`[${characterClass}]`, 'gu');
  const longestFirst = (x: Descriptor, y: Descriptor) => y.words.length - x.words.length;
  parsed.prefixes.sort(longestFirst);
  parsed.suffixes.sort(longestFirst);
  cachedRules = parsed;
  return parsed;
}

const COMBINING_MARKS = /\p{M}/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Lower case, no diacritics, marks or punctuation: "Ar-Raqqah" -> "ar raqqah". */
export function plainKey(name: string): string {
  const { markOrLetter, letters } = rules();
  // Most names are plain ASCII: only those that are not need Unicode decomposition.
  const lower = PLAIN_ASCII.test(name) ? name.toLowerCase() : name.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  return lower
    .replace(markOrLetter, (ch) => letters.get(ch) ?? '')
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}

/** The spelling-blind key: "al-Raqqa", "Rakka" and "ar-Raqqah" all give "raka". */
export function soundKey(name: string): string {
  return soundKeyOfPlain(plainKey(name));
}

const NO_FOLDS: Fold[] = [];

export function soundKeyOfPlain(plain: string): string {
  const { articles, tails, folds } = rules();
  let key = '';
  let last = '';
  // Appends letters, writing a doubled letter once.
  const append = (letters: string) => {
    for (const letter of letters) {
      if (letter !== last) key += letter;
      last = letter;
    }
  };
  for (let start = 0; start <= plain.length; ) {
    const space = plain.indexOf(' ', start);
    const end = space < 0 ? plain.length : space;
    let word = plain.slice(start, end);
    start = end + 1;
    // An article is dropped when another word follows it.
    if (space >= 0 && articles.has(word)) continue;
    for (const { from, to } of tails) {
      if (word.length > from.length && word.endsWith(from)) {
        word = word.slice(0, -from.length) + to;
        break;
      }
    }
    // Folds in one pass from left to right; at one place the earlier rule wins.
    for (let i = 0; i < word.length; ) {
      const letter = word[i] as string;
      let fold: Fold | undefined;
      for (const f of folds.get(letter) ?? NO_FOLDS) {
        if ((i > 0 || !f.inside) && word.startsWith(f.from, i)) {
          fold = f;
          break;
        }
      }
      append(fold ? fold.to : letter);
      i += fold ? fold.from.length : 1;
    }
  }
  return key;
}

export interface DescribedName {
  /** The name without the descriptor words, and its offsets inside the phrase. */
  core: string;
  start: number;
  end: number;
  modifier: Modifier | null;
  wants: Wanted | null;
  /** Ids of the descriptor rules that applied, outermost first. */
  rules: string[];
}

/** Strips phrases such as "the city of", "outskirts of", "province" or "countryside" from a name. */
export function stripDescriptors(phrase: string): DescribedName {
  const { prefixes, suffixes } = rules();
  const result: DescribedName = { core: phrase, start: 0, end: phrase.length, modifier: null, wants: null, rules: [] };
  for (;;) {
    const text = phrase.slice(result.start, result.end).toLowerCase();
    const prefix = prefixes.find((d) => text.startsWith(`${d.words} `) || text.startsWith(`${d.words}-`));
    const suffix = suffixes.find((d) => text.endsWith(` ${d.words}`));
    const descriptor = prefix ?? suffix;
    if (!descriptor) break;
    if (prefix) result.start += prefix.words.length + 1;
    else result.end -= descriptor.words.length + 1;
    if (prefix?.wants === 'town' && result.modifier === 'district') result.modifier = null;
    result.modifier ??= descriptor.modifier;
    result.wants ??= descriptor.wants;
    result.rules.push(descriptor.id);
  }
  result.core = phrase.slice(result.start, result.end).trim();
  return result;
}

/** A plain key without its leading article: "ar raqqah" -> "raqqah". */
export function withoutLeadingArticle(plain: string): string {
  const space = plain.indexOf(' ');
  return space > 0 && rules().articles.has(plain.slice(0, space)) ? plain.slice(space + 1) : plain;
}

/** Articles such as "al" and "ez", for recognising "al-Raqqa" as one name in running text. */
export function isArticle(word: string): boolean {
  return rules().articles.has(word.toLowerCase());
}

/** A word that names a kind of unit or place ("Upazila", "District", "Sadar", "Barangay"), not a place. */
export function isUnitWord(word: string): boolean {
  const { unitPhrases, prefixes, suffixes } = rules();
  const plain = plainKey(word);
  return unitPhrases.has(plain) || [...prefixes, ...suffixes].some((d) => d.words === plain && (d.wants !== null || d.modifier !== null));
}

/** Whether a name carries descriptor or unit words around it ("chandpur sadar", "gobindaganj upazila"). */
export function hasDescriptor(name: string): boolean {
  return stripDescriptors(name).core !== name || stripUnitWords(name) !== name;
}

/** Drops unit words at either end of a GeoNames admin name: "Maidan Wardak Province" -> "Maidan Wardak". */
export function stripUnitWords(name: string): string {
  const { unitPhrases } = rules();
  const words = name.split(/\s+/).filter(Boolean);
  // Longest unit phrase (up to three words) taken by `wordsOf(size)`, never the whole name.
  const unitLength = (wordsOf: (size: number) => string[]) => {
    for (let size = Math.min(3, words.length - 1); size >= 1; size--) {
      if (unitPhrases.has(plainKey(wordsOf(size).join(' ')))) return size;
    }
    return 0;
  };
  for (;;) {
    const leading = unitLength((size) => words.slice(0, size));
    if (leading) {
      words.splice(0, leading);
      continue;
    }
    const trailing = unitLength((size) => words.slice(-size));
    if (!trailing) return words.join(' ');
    words.splice(-trailing);
  }
}
