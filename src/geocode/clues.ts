// Clues to the country (or region) a report is about, found beside the place mentions: demonyms
// ("Syrian troops"), terms used in one country or region only ("upazila", "TNLA"), countries named
// inside organisations' names, and names found in one country only.
import type { GazetteerEntry } from './gazetteer.js';
import { hitsFor, mentionRules } from './mention-rules.js';
import type { FoundMention } from './mentions.js';
import type { Word } from './words.js';

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

/** Parties, armed groups, offices and units that exist in one country (or one region) only ("upazila", "Awami League", "TNLA"). */
export function countryTermClues(text: string): CountryClue[] {
  const { patterns, places } = mentionRules().countryTerms;
  const clues: CountryClue[] = [];
  for (const match of patterns.flatMap((pattern) => [...text.matchAll(pattern)])) {
    const place = places.get(match[0]) ?? places.get(match[0].toLowerCase());
    if (place) clues.push({ ...place, text: match[0], start: match.index, end: match.index + match[0].length, rule: 'CountryTermClue' });
  }
  return clues;
}


export function demonymClues(words: Word[]): CountryClue[] {
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



/**
 * A name every reading of which lies in one country ("Mettupalayam", "Sud-Kivu") points to that
 * country, even when it is too weak a mention to be coded itself.
 */
export function oneCountryClue(mention: FoundMention): CountryClue[] {
  // Villages are too many for a name to vouch for a country by itself: only towns and units count.
  const hits = mention.hits.filter((h) => !h.entry.village);
  if (mention.kind !== 'place' || mention.partial || mention.sentenceInitial || !hits.some((h) => h.match !== 'spelling')) return [];
  const codes = new Set(hits.map((h) => h.entry.countryCode));
  if (codes.size !== 1 || hits.some((h) => h.entry.kind === 'country')) return [];
  return [{ code: [...codes][0] as string, text: mention.name, start: mention.start, end: mention.end, rule: 'OneCountryNameClue' }];
}

/** A region of one country opening a longer name ("Karnataka Rajya Raitha Sangha"): a clue to the region. */
export function regionInsideName(mention: FoundMention): CountryClue[] {
  if (!mention.partial) return [];
  const regions = mention.hits.filter((h) => h.match === 'name' && h.entry.kind === 'admin1').map((h) => h.entry);
  if (regions.length !== 1) return [];
  return [{ code: (regions[0] as GazetteerEntry).countryCode, regions, text: mention.text, start: mention.start, end: mention.end, rule: 'OrganisationCountryClue' }];
}

/**
 * Countries, or regions of one country, named inside an organisation's name ("Myanmar Army",
 * "Karnataka Rajya Raitha Sangha"; not "Punjab Police", a region of two countries).
 */
export function countriesInside(text: string, run: Word[]): CountryClue[] {
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
