// Finds place mentions in clean English text: capitalised names after locative words, names the
// gazetteer knows, names with descriptors ("X province", "the city of X") and named sites.
// The word lists live in data/geocode/mentions.rules.
import { SEATLESS_DISTRICT } from './build-index.js';
import { allCountries, findByName, isKnownName, type GazetteerEntry, type NameHit } from './gazetteer.js';
import { isArticle, stripDescriptors, type DescribedName, type Modifier, type Wanted } from './normalize.js';
import { readRuleLines } from './rules.js';

export interface PlaceMention {
  text: string;
  start: number;
  end: number;
  rule: string;
  modifier: 'near' | 'outskirts' | 'countryside' | 'district' | null;
}

/** A mention with what the resolver needs to know about it. */
export interface FoundMention extends PlaceMention {
  /** The name itself, without descriptor words ("Raqqa" in "Raqqa province"). */
  name: string;
  hits: NameHit[];
  wants: Wanted | null;
  /** A locative word ("in", "near") comes right before it, or before the list it belongs to. */
  locative: boolean;
  /** First word of a sentence: capitalised anyway, so weaker evidence of a name. */
  sentenceInitial: boolean;
  /** Only part of a longer capitalised name ("Jabbar" in "Jabbar Mela"), so perhaps another place. */
  partial: boolean;
  /** Named as where someone came from ("from Damascus"), not where the incident happened. */
  origin: boolean;
  kind: 'place' | 'site' | 'unknown';
}

/** A country named or implied by a demonym ("Syrian troops"): a clue, not a place to code. */
export interface CountryClue {
  code: string;
  text: string;
  start: number;
  end: number;
  rule: 'CountryNameClue' | 'CountryAcronymClue' | 'DemonymClue' | 'OrganisationCountryClue' | 'CountryTermClue' | 'OneCountryNameClue';
  /** The first-level regions a term points to (data/geocode/region-terms.tsv), if any. */
  regions?: GazetteerEntry[];
  /** A demonym naming forces ("Turkish forces"), which often act abroad. */
  forces?: boolean;
}

interface Locative {
  words: string[];
  modifier: Modifier | null;
  origin: boolean;
}

interface MentionRules {
  locatives: Locative[];
  siteNouns: string[][];
  jurisdictions: string[][];
  organisations: RegExp;
  organisationWords: Set<string>;
  titles: Set<string>;
  speechVerbs: Set<string>;
  forceWords: Set<string>;
  notPlaces: Set<string>;
  demonyms: Map<string, string>;
  acronyms: Set<string>;
  countryTerms: CountryTerms;
}

/** Terms of data/geocode/country-terms.tsv and region-terms.tsv: acronyms match in capitals, other terms in any case. */
interface CountryTerms {
  patterns: RegExp[];
  places: Map<string, { code: string; regions?: GazetteerEntry[] }>;
}

/** Lower-case words that may sit inside a name ("Heroica Puebla de Zaragoza", "Ayn al Arab"). */
const NAME_CONNECTORS = new Set(['de', 'del', 'da', 'do', 'dos', 'das', 'di', 'du', 'la', 'le', 'les', 'los', 'las', 'bin', 'ibn', 'bani', 'ben', 'of', 'and', 'e', 'i']);
const MAX_NAME_WORDS = 6;

let cachedRules: MentionRules | null = null;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mentionRules(): MentionRules {
  if (cachedRules) return cachedRules;
  const lines = readRuleLines('mentions.rules');
  const phrases = (kind: string) => lines.filter(([k]) => k === kind).map(([, phrase = '']) => phrase);
  const demonyms = new Map<string, string>();
  for (const country of allCountries()) for (const demonym of country.demonyms) demonyms.set(demonym, country.code);
  const regionNames = readRuleLines('regions.tsv').flatMap(([, name = '', aliases = '']) => [name, ...aliases.split('|')]);
  const countryNames = allCountries().flatMap((c) => c.names);
  const acronyms = new Set([...countryNames, ...regionNames].map((n) => n.replace(/\./g, '')).filter(isAcronym));
  cachedRules = {
    locatives: lines
      .filter(([kind]) => kind === 'locative')
      .map(([, phrase = '', modifier = '-', role]) => ({ words: phrase.split(' '), modifier: modifier === '-' ? null : (modifier as Modifier), origin: role === 'origin' }))
      .sort((a, b) => b.words.length - a.words.length),
    jurisdictions: phrases('jurisdiction').map((phrase) => phrase.split(' ')),
    siteNouns: phrases('site')
      .map((noun) => noun.split(' '))
      .sort((a, b) => b.length - a.length),
    organisations: new RegExp(`(?<![\\p{L}-])(?:${phrases('organisation').sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}])`, 'giu'),
    organisationWords: new Set(phrases('organisation-word')),
    titles: new Set(phrases('title').map((title) => title.toLowerCase())),
    speechVerbs: new Set(phrases('speech')),
    forceWords: new Set(phrases('force')),
    notPlaces: new Set(phrases('not-place')),
    demonyms,
    acronyms,
    countryTerms: countryTerms(),
  };
  return cachedRules;
}

interface Word {
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

function splitWords(text: string): Word[] {
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

function countryTerms(): CountryTerms {
  const places: CountryTerms['places'] = new Map();
  const acronyms: string[] = [];
  const words: string[] = [];
  const add = (terms: string, place: { code: string; regions?: GazetteerEntry[] }) => {
    for (const term of terms.split('|').filter(Boolean)) {
      const acronym = isAcronym(term);
      places.set(acronym ? term : term.toLowerCase(), place);
      (acronym ? acronyms : words).push(escapeRegExp(term));
    }
  };
  for (const [code = '', terms = ''] of readRuleLines('country-terms.tsv')) add(terms, { code });
  for (const [code = '', names = '', terms = ''] of readRuleLines('region-terms.tsv')) {
    const regions = names.split('|').map((name) => {
      const region = findByName(name).find((h) => h.entry.kind === 'admin1' && h.entry.countryCode === code)?.entry;
      if (!region) throw new Error(`data/geocode/region-terms.tsv: the gazetteer knows no region "${name}" in ${code}`);
      return region;
    });
    add(terms, { code, regions });
  }
  // Words must stand alone, or follow "pro-" or "anti-" ("pro-Houthi"); acronyms may be joined by hyphens ("pro-BNP", "BNP-Jamaat", "anti-BJP").
  const sorted = (terms: string[]) => terms.sort((a, b) => b.length - a.length).join('|');
  const acronymPattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted(acronyms)})(?![\\p{L}\\p{N}])`, 'gu');
  const wordPattern = new RegExp(`(?:(?<![\\p{L}\\p{N}-])|(?<=(?<![\\p{L}\\p{N}])(?:pro|anti)-))(?:${sorted(words)})(?![\\p{L}\\p{N}]|-\\p{L})`, 'giu');
  return { patterns: [acronymPattern, wordPattern], places };
}

/** Parties, armed groups, offices and units that exist in one country (or one region) only ("upazila", "Awami League", "TNLA"). */
function countryTermClues(text: string): CountryClue[] {
  const { patterns, places } = mentionRules().countryTerms;
  const clues: CountryClue[] = [];
  for (const match of patterns.flatMap((pattern) => [...text.matchAll(pattern)])) {
    const place = places.get(match[0]) ?? places.get(match[0].toLowerCase());
    if (place) clues.push({ ...place, text: match[0], start: match.index, end: match.index + match[0].length, rule: 'CountryTermClue' });
  }
  return clues;
}

/** Ranges covered by organisation names, which are never places. */
function organisationRanges(text: string): Array<[number, number]> {
  return [...text.matchAll(mentionRules().organisations)].map((m) => [m.index, m.index + m[0].length]);
}

function demonymClues(words: Word[]): CountryClue[] {
  const { demonyms, forceWords } = mentionRules();
  const clues: CountryClue[] = [];
  /** A force word within two words, past other demonyms ("Pakistani and Indian troops", "Turkish border guards"). */
  const namesForces = (i: number) => {
    for (let j = i + 1, other = 0; j < words.length && other < 2; j++) {
      const next = (words[j] as Word).text;
      if (forceWords.has(next.toLowerCase())) return true;
      if (next !== 'and' && !demonyms.has(next)) other++;
    }
    return false;
  };
  words.forEach((word, i) => {
    const code = demonyms.get(word.text);
    if (code) clues.push({ code, text: word.text, start: word.start, end: word.end, rule: 'DemonymClue', ...(namesForces(i) ? { forces: true } : {}) });
  });
  return clues;
}

/** The locative phrase (if any) that ends right before word `index`, skipping "the". */
function locativeBefore(words: Word[], index: number): Locative | null {
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
function locativeOpening(words: Word[], from: number, first: number): Locative | null {
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
function describe(text: string, words: Word[], first: number, last: number) {
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

/** An acronym: all capitals (SOHR, U.S.) or a short word with two capitals (LoC). */
function isAcronym(text: string): boolean {
  const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
  return capitals >= 2 && (text === text.toUpperCase() || text.length <= 4);
}

/**
 * Which gazetteer entries a span may name. All-capitals words are acronyms (IS, SOHR, BSF): only those
 * that the country and region tables list (DRC, UAE, KP) name a country or region.
 */
function hitsFor(name: string): NameHit[] {
  if (!isAcronym(name)) return findByName(name);
  if (!mentionRules().acronyms.has(name.replace(/\./g, ''))) return [];
  return findByName(name).filter((h) => h.entry.kind === 'country' || h.entry.kind === 'admin1');
}

function siteNounAfter(words: Word[], index: number): number {
  for (const noun of mentionRules().siteNouns) {
    const matches = noun.every((w, k) => {
      const word = words[index + k];
      return word !== undefined && word.text.toLowerCase() === w && !word.afterPunctuation;
    });
    if (matches) return noun.length;
  }
  return 0;
}

/** A site or organisation named after a place is a clue to that place only if the place is large. */
const NAMESAKE_MIN_POPULATION = 50_000;
const SENTENCE_OPENING_MIN_POPULATION = 50_000;

export function findMentions(text: string): { mentions: FoundMention[]; clues: CountryClue[] } {
  return new MentionFinder(text).find();
}

/**
 * Reads the text run by run: a run is a stretch of name words (capitalised words, articles,
 * connectors) between punctuation, which may hold several names ("Raqqa and Aleppo").
 */
class MentionFinder {
  private readonly rules = mentionRules();
  private readonly words: Word[];
  private readonly mentions: FoundMention[] = [];
  private readonly clues: CountryClue[];
  /** Words that are possessives written without an apostrophe, with the places they name (see findPossessives). */
  private readonly possessives = new Map<number, NameHit[]>();

  constructor(private readonly text: string) {
    this.words = splitWords(text);
    this.findPossessives();
    for (const [start, end] of organisationRanges(text)) {
      for (const word of this.words) if (word.start >= start && word.end <= end) word.masked = true;
    }
    this.clues = [...demonymClues(this.words), ...countryTermClues(text)];
  }

  find(): { mentions: FoundMention[]; clues: CountryClue[] } {
    for (let i = 0; i < this.words.length; ) i = this.canStart(i) ? this.readRun(i) : i + 1;
    this.mentions.sort((a, b) => a.start - b.start);
    for (const mention of this.mentions) this.keepUnitCountry(mention);
    for (const mention of this.mentions) {
      const country = mention.hits.find((h) => h.entry.kind === 'country' && h.match !== 'spelling');
      if (!country || mention.kind !== 'place') continue;
      // "US" is mostly an adjective ("US dollar", "US-led"): a weaker clue than a country's name.
      const rule = isAcronym(mention.name) ? 'CountryAcronymClue' : 'CountryNameClue';
      this.clues.push({ code: country.entry.countryCode, text: mention.text, start: mention.start, end: mention.end, rule });
    }
    this.clues.push(...this.mentions.flatMap(oneCountryClue), ...this.mentions.flatMap(regionInsideName));
    // A term inside a country's name or demonym ("Myanmar Army") adds nothing to that clue.
    const clues = this.clues.filter((c) => c.rule !== 'CountryTermClue' || !this.clues.some((o) => o !== c && o.rule !== 'OneCountryNameClue' && o.start < c.end && c.start < o.end));
    return { mentions: this.mentions, clues: clues.sort((a, b) => a.start - b.start) };
  }

  /** "Madan upazila", "Logo Local Government Area": a unit word used in one country keeps only the name's places there. */
  private keepUnitCountry(mention: FoundMention): void {
    const nameStart = mention.start + mention.text.indexOf(mention.name);
    const nameEnd = nameStart + mention.name.length;
    const unit = this.clues.find((c) => c.rule === 'CountryTermClue' && c.start >= mention.start && c.end <= mention.end && (c.end <= nameStart || c.start >= nameEnd));
    if (!unit || !mention.hits.length) return;
    mention.hits = mention.hits.filter((h) => h.entry.countryCode === unit.code);
    if (!mention.hits.length) mention.kind = 'unknown';
  }

  private word(i: number): Word {
    return this.words[i] as Word;
  }

  /** A name may start with an article only when it is glued to the name ("al-Raqqa"). */
  private canStart(i: number): boolean {
    const w = this.word(i);
    const next = this.words[i + 1];
    return !w.masked && !w.hasDigit && (w.capitalised || (isArticle(w.text) && next !== undefined && next.hyphenated && next.capitalised));
  }

  /** Capitalised words, articles, connectors, and lower-case words inside a hyphenated name (Port-au-Prince). */
  private isNameWord(i: number): boolean {
    const w = this.word(i);
    if (w.masked || w.hasDigit) return false; // "PD10 of Kandahar city"
    return w.capitalised || isArticle(w.text) || NAME_CONNECTORS.has(w.text) || (w.hyphenated && this.words[i + 1]?.hyphenated === true);
  }

  private isSiteNoun(w: Word): boolean {
    return this.rules.siteNouns.some((noun) => noun.length === 1 && noun[0] === w.text.toLowerCase());
  }

  /** Words that name no place on their own: months, pronouns, demonyms, site nouns. */
  private isBareWord(name: string): boolean {
    return this.rules.notPlaces.has(name) || this.rules.demonyms.has(name) || this.rules.siteNouns.some((n) => n.join(' ') === name.toLowerCase());
  }

  private isTitle(word: Word | undefined): boolean {
    return word !== undefined && this.rules.titles.has(word.text.toLowerCase());
  }

  /**
   * A lone capitalised word opening a sentence is most often an ordinary word ("Being", "Not"): it
   * names a place only when that place is large, a country or a region, or when a comma or colon
   * follows as in a dateline ("Sunamganj, Jan 2").
   */
  private isLikelyOpeningName(word: Word, hits: NameHit[]): boolean {
    return (
      /^\s*[,:]/.test(this.text.slice(word.end, word.end + 3)) ||
      hits.some((h) => h.match !== 'spelling' && (h.entry.kind !== 'town' || h.entry.population >= SENTENCE_OPENING_MIN_POPULATION))
    );
  }

  /** The longest known name starting at word `first` and ending by word `runEnd`. */
  private longestKnownName(first: number, runEnd: number): { last: number; hits: NameHit[] } | null {
    for (let last = Math.min(runEnd, first + MAX_NAME_WORDS - 1); last >= first; last--) {
      if (!this.word(last).capitalised) continue;
      const name = this.text.slice(this.word(first).start, this.word(last).end);
      if (first === last && this.isBareWord(name)) continue;
      const hits = this.possessives.get(first) ?? (isKnownName(name) ? this.districtHitsAsked(first, last, hitsFor(name)) : []);
      const opening = first === last && this.word(first).sentenceStart && !locativeBefore(this.words, first);
      if (hits.length && (!opening || this.isLikelyOpeningName(this.word(first), hits))) return { last, hits };
    }
    return null;
  }

  /**
   * Possessives written without their apostrophe before the name of a part ("Benghazis Ganfouda
   * district", "Tripolis Salahadeen"): the word, when without its "s" it is the name of a large
   * place, names that place, and the part's name starts a name of its own.
   */
  private findPossessives(): void {
    this.words.forEach((word, i) => {
      const next = this.words[i + 1];
      if (!word.capitalised || word.text.length < 5 || !word.text.endsWith('s') || !next?.capitalised || next.afterPunctuation) return;
      const stem = word.text.slice(0, -1);
      const hits = isKnownName(stem) ? hitsFor(stem) : [];
      if (!hits.some((h) => h.match === 'name' && h.entry.kind !== 'country' && (h.entry.kind === 'admin1' || h.entry.population >= NAMESAKE_MIN_POPULATION))) return;
      this.possessives.set(i, hits);
      next.afterPunctuation = true;
    });
  }

  /**
   * A district with no populated place is read only when a unit word asks for a district ("Hodan
   * district", "Mohmand Agency"): alone, its name is as likely an ordinary word ("University").
   */
  private districtHitsAsked(first: number, last: number, hits: NameHit[]): NameHit[] {
    if (!hits.some((h) => h.entry.featureCode === SEATLESS_DISTRICT)) return hits;
    const asked = describe(this.text, this.words, first, last).described.wants === 'district';
    return asked ? hits : hits.filter((h) => h.entry.featureCode !== SEATLESS_DISTRICT);
  }

  /** Reads the run starting at word `i`; returns the index of the first word after it. */
  private readRun(i: number): number {
    // A capitalised site noun after a name closes the run: "Allahabad University Students" holds the
    // site "Allahabad University"; one that opens it is part of a name ("Port of Spain").
    let runEnd = i;
    const closesRun = (k: number) => k > i && this.isSiteNoun(this.word(k));
    while (runEnd + 1 < this.words.length && this.isNameWord(runEnd + 1) && !this.word(runEnd + 1).afterPunctuation && !closesRun(runEnd)) runEnd++;
    while (runEnd > i && !this.word(runEnd).capitalised) runEnd--;
    const jurisdiction = this.jurisdictionIn(i, runEnd);
    if (jurisdiction) return this.addJurisdiction(i, jurisdiction);
    const run = this.words.slice(i, runEnd + 1);
    const next = runEnd + 1;
    const locative = locativeBefore(this.words, i);
    const isOrganisation = run.some((w) => this.rules.organisationWords.has(w.text));
    const isPerson = this.isTitle(run[0]) || this.isTitle(this.words[i - 1]) || this.rules.speechVerbs.has(this.words[next]?.text ?? '');
    if (isOrganisation) {
      this.clues.push(...countriesInside(this.text, run));
      this.addNamesakePlace(i, runEnd);
      return next;
    }
    if (isPerson && !locative) return next;
    const siteLength = siteNounAfter(this.words, next);
    if (siteLength || closesRun(runEnd)) {
      // The site's own name starts after the last connector: "Students and Alumni of Mumbai University".
      const siteStart = Math.max(i, ...run.map((w, k) => (NAME_CONNECTORS.has(w.text) ? i + k + 1 : i)));
      this.mentions.push(siteMention(this.text, this.words, siteStart, runEnd + siteLength));
      this.addNamesakePlace(i, runEnd);
      return next + siteLength;
    }
    const runMentions = this.addNamesInRun(i, runEnd);
    // "Balakote of Poonch district": names joined by "of" or "and" are read apart.
    for (const part of splitAtJoiners(run)) {
      // A mention may reach past the run into descriptor words ("Naray Baba area"), not into the next part.
      const partEnd = (part[part.length - 1] as Word).end;
      const partMentions = runMentions.filter((m) => m.start >= (part[0] as Word).start && m.start < partEnd && (m.end <= partEnd || m.end > (run[run.length - 1] as Word).end));
      if (!this.isOneUnknownName(part, partMentions)) continue;
      const last = part[part.length - 1] as Word;
      for (const mention of partMentions) {
        // "Karimabad Karachi": a large place closing the name is the place that holds the part before it.
        if (mention.end === last.end && mention.start > (part[0] as Word).start && isLargeByName(mention)) continue;
        Object.assign(mention, { partial: true, locative: mention.locative || locative !== null });
      }
    }
    if (!runMentions.length && !(run.length === 1 && this.isBareWord(this.word(i).text))) {
      // An unknown name after a locative word, or in a list one started ("Rubaya (Masisi, Nord-Kivu)"), is kept: the list goes on through it.
      const unknown = { ...buildMention(this.text, this.words, i, runEnd, [], this.mentions), kind: 'unknown' as const };
      if (unknown.locative) this.mentions.push(unknown);
    }
    // Descriptors may have taken words after the run ("Raqqa province").
    return Math.max(next, wordIndexAt(this.words, this.mentions[this.mentions.length - 1]?.end ?? 0) + 1);
  }

  /**
   * Where a jurisdiction phrase ("police station", "Police Station") follows the first name words of
   * the run: its first word's index and the index after it.
   */
  private jurisdictionIn(i: number, runEnd: number): { at: number; end: number } | null {
    for (let at = i + 1; at <= runEnd + 1; at++) {
      for (const phrase of this.rules.jurisdictions) {
        if (phrase.every((w, k) => this.words[at + k]?.text.toLowerCase() === w && !this.words[at + k]?.afterPunctuation)) return { at, end: at + phrase.length };
      }
    }
    return null;
  }

  /** "under Ater police station": the name is the place the station serves, in part of which the event is. */
  private addJurisdiction(i: number, { at, end }: { at: number; end: number }): number {
    const found = this.addNamesInRun(i, at - 1);
    for (const mention of found) Object.assign(mention, { rule: 'JurisdictionMention', locative: true, modifier: mention.modifier ?? 'district' });
    if (!found.length) this.mentions.push({ ...buildMention(this.text, this.words, i, at - 1, [], this.mentions), rule: 'JurisdictionMention', kind: 'unknown' });
    return end;
  }

  /** Every known name in the run, longest first from the left. */
  private addNamesInRun(i: number, runEnd: number): FoundMention[] {
    const found: FoundMention[] = [];
    for (let first = i; first <= runEnd; ) {
      const known = this.canStart(first) ? this.longestKnownName(first, runEnd) : null;
      if (!known) {
        first++;
        continue;
      }
      const mention = buildMention(this.text, this.words, first, known.last, known.hits, this.mentions);
      this.mentions.push(mention);
      found.push(mention);
      first = Math.max(known.last, wordIndexAt(this.words, mention.end)) + 1;
    }
    return found;
  }

  /**
   * Names matched only in part, or two names side by side ("Abu" + "Salim"), are likely one unknown
   * name; unless the second is a region holding the first ("Hyderabad Sindh").
   */
  private isOneUnknownName(run: Word[], found: FoundMention[]): boolean {
    const isUncovered = (w: Word) =>
      w.capitalised && !this.isBareWord(w.text) && !this.isTitle(w) && !found.some((m) => w.start >= m.start && w.end <= m.end);
    const isRegion = (m: FoundMention) => m.hits.some((h) => h.match === 'name' && (h.entry.kind === 'admin1' || h.entry.kind === 'country'));
    // Side by side, or joined by an article or connector ("Madinat al Salah", "Bab al Faraj").
    const joined = (between: string) => /^\s+$/.test(between) || (/\p{L}/u.test(between) && between.split(/[\s-]+/).every((w) => w === '' || isArticle(w) || NAME_CONNECTORS.has(w)));
    const sideBySide = found.some((m, k) => k > 0 && !isRegion(m) && joined(this.text.slice((found[k - 1] as FoundMention).end, m.start)));
    return run.some(isUncovered) || sideBySide;
  }

  /**
   * A large place that names a site or an organisation ("Mumbai University", "Lahore Press Club") is
   * a clue, not surely the incident's place ("the Aleppo-Lattakia highway").
   */
  private addNamesakePlace(i: number, runEnd: number): void {
    for (let first = i; first <= runEnd; first++) {
      const known = this.canStart(first) ? this.longestKnownName(first, runEnd) : null;
      // Countries named there are clues already (countriesInside).
      if (known?.hits.some((h) => h.entry.kind !== 'country' && h.entry.population >= NAMESAKE_MIN_POPULATION)) {
        this.mentions.push({ ...buildMention(this.text, this.words, first, known.last, known.hits, this.mentions), rule: 'KnownNameMention', locative: false });
        return;
      }
    }
  }
}

/**
 * A name every reading of which lies in one country ("Mettupalayam", "Sud-Kivu") points to that
 * country, even when it is too weak a mention to be coded itself.
 */
function oneCountryClue(mention: FoundMention): CountryClue[] {
  if (mention.kind !== 'place' || mention.partial || mention.sentenceInitial || !mention.hits.some((h) => h.match !== 'spelling')) return [];
  const codes = new Set(mention.hits.map((h) => h.entry.countryCode));
  if (codes.size !== 1 || mention.hits.some((h) => h.entry.kind === 'country')) return [];
  return [{ code: [...codes][0] as string, text: mention.name, start: mention.start, end: mention.end, rule: 'OneCountryNameClue' }];
}

/** A region of one country opening a longer name ("Karnataka Rajya Raitha Sangha"): a clue to the region. */
function regionInsideName(mention: FoundMention): CountryClue[] {
  if (!mention.partial) return [];
  const regions = mention.hits.filter((h) => h.match === 'name' && h.entry.kind === 'admin1').map((h) => h.entry);
  if (regions.length !== 1) return [];
  return [{ code: (regions[0] as GazetteerEntry).countryCode, regions, text: mention.text, start: mention.start, end: mention.end, rule: 'OrganisationCountryClue' }];
}

/** Words that join two names in one run without being part of either: "X of Y district", "X and Y". */
const JOINERS = new Set(['of', 'and']);

function splitAtJoiners(run: Word[]): Word[][] {
  const parts: Word[][] = [[]];
  for (const word of run) {
    if (JOINERS.has(word.text)) parts.push([]);
    else (parts[parts.length - 1] as Word[]).push(word);
  }
  return parts.filter((part) => part.length > 0);
}

/** Named exactly, and a region or a town of 100,000 people or more. */
function isLargeByName(mention: FoundMention): boolean {
  return mention.hits.some((h) => h.match === 'name' && h.entry.kind !== 'country' && (h.entry.kind !== 'town' || h.entry.population >= 100_000));
}

/**
 * Countries, or regions of one country, named inside an organisation's name ("Myanmar Army",
 * "Karnataka Rajya Raitha Sangha"; not "Punjab Police", a region of two countries).
 */
function countriesInside(text: string, run: Word[]): CountryClue[] {
  const clues: CountryClue[] = [];
  for (let first = 0; first < run.length; first++) {
    for (let last = first; last < Math.min(run.length, first + 4); last++) {
      const span = { start: (run[first] as Word).start, end: (run[last] as Word).end };
      const name = text.slice(span.start, span.end);
      const hits = hitsFor(name).filter((h) => h.match === 'name');
      const country = hits.find((h) => h.entry.kind === 'country');
      const regions = hits.filter((h) => h.entry.kind === 'admin1').map((h) => h.entry);
      if (country) clues.push({ code: country.entry.countryCode, text: name, ...span, rule: 'OrganisationCountryClue' });
      else if (regions.length === 1) clues.push({ code: (regions[0] as GazetteerEntry).countryCode, regions, text: name, ...span, rule: 'OrganisationCountryClue' });
    }
  }
  return clues;
}

function wordIndexAt(words: Word[], end: number): number {
  return words.findLastIndex((w) => w.end <= end);
}

function buildMention(text: string, words: Word[], first: number, last: number, hits: NameHit[], earlier: FoundMention[]): FoundMention {
  const { from, to, described } = describe(text, words, first, last);
  const start = (words[from] as Word).start;
  const end = (words[to] as Word).end;
  // The locative word may come before the span, or open it when it is also a descriptor ("near X").
  const locative = locativeBefore(words, from) ?? locativeOpening(words, from, first);
  const previous = earlier[earlier.length - 1];
  // "in Raqqa and Aleppo", "in Juliaca, Puno": a list started by a locative word shares it.
  const between = previous ? text.slice(previous.end, start) : '';
  const continuesList = !locative && previous?.locative === true && /^(?:,\s*|\s+and\s+|\s+or\s+|,\s*and\s+|\s*\(\s*)$/.test(between);
  const isLocative = locative !== null || continuesList;
  const modifier = described.modifier ?? locative?.modifier ?? null;
  const hasDescriptor = described.modifier !== null || described.wants !== null;
  const rule = isLocative ? 'LocativePrepositionMention' : hasDescriptor ? 'DescriptorMention' : 'KnownNameMention';
  return {
    text: text.slice(start, end),
    start,
    end,
    rule,
    modifier,
    name: text.slice((words[first] as Word).start, (words[last] as Word).end),
    hits,
    wants: described.wants,
    locative: isLocative,
    sentenceInitial: (words[from] as Word).sentenceStart,
    partial: false,
    origin: locative?.origin ?? (continuesList && previous?.origin === true),
    kind: 'place',
  };
}

function siteMention(text: string, words: Word[], first: number, last: number): FoundMention {
  const start = (words[first] as Word).start;
  const end = (words[last] as Word).end;
  const name = text.slice(start, end);
  return { text: name, start, end, rule: 'SiteMention', modifier: null, name, hits: [], wants: null, locative: false, sentenceInitial: false, partial: false, origin: false, kind: 'site' };
}
