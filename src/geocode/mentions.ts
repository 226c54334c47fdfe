// Finds place mentions in clean English text: capitalised names after locative words, names the
// gazetteer knows, names with descriptors ("X province", "the city of X") and named sites.
// The word lists live in data/geocode/mentions.rules.
import { countriesInside, countryTermClues, demonymClues, oneCountryClue, regionInsideName, type CountryClue } from './clues.js';
import { isKnownName, type NameHit } from './gazetteer.js';
import { SEATLESS_DISTRICT } from './index-format.js';
import { hitsFor, isAcronym, mentionRules } from './mention-rules.js';
import { isArticle, isUnitWord, type Wanted } from './normalize.js';
import { WEIGHTS } from './weights.js';
import { describe, locativeBefore, locativeOpening, MAX_NAME_WORDS, NAME_CONNECTORS, siteNounAfter, splitAtJoiners, splitWords, wordIndexAt, type Word } from './words.js';

export type { CountryClue } from './clues.js';

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

/**
 * A country named by one of its names ("in western Yemen") is the country: villages, and towns only
 * spelled like it ("Yaman"), are not read (regions and towns of exactly that name are: "Niger State",
 * "Djibouti").
 */
function keepCountryNamed(mention: FoundMention): void {
  if (!mention.hits.some((h) => h.entry.kind === 'country' && h.match !== 'spelling')) return;
  mention.hits = mention.hits.filter((h) => h.entry.kind !== 'town' || (!h.entry.village && h.match !== 'spelling'));
}

/** Ranges covered by organisation names, which are never places. */
function organisationRanges(text: string): Array<[number, number]> {
  return [...text.matchAll(mentionRules().organisations)].map((m) => [m.index, m.index + m[0].length]);
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
    for (const mention of this.mentions) {
      this.keepUnitCountry(mention);
      keepCountryNamed(mention);
    }
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
    return this.rules.notPlaces.has(name) || this.rules.demonyms.has(name) || this.rules.siteNouns.some((n) => n.join(' ') === name.toLowerCase()) || isUnitWord(name);
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
    // "the Luhansk People's Militia": the possessive ends the run, not the organisation's name.
    const possessed = this.words[next];
    const ownedByRun = possessed !== undefined && /^['’]s\s+$/.test(this.text.slice(this.word(runEnd).end, possessed.start));
    const isOrganisation = run.some((w) => this.rules.organisationWords.has(w.text)) || (ownedByRun && this.rules.organisationWords.has(possessed.text));
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

/** Named exactly, and a region or a large town. */
function isLargeByName(mention: FoundMention): boolean {
  return mention.hits.some((h) => h.match === 'name' && h.entry.kind !== 'country' && (h.entry.kind !== 'town' || h.entry.population >= WEIGHTS.largeTownPopulation));
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
