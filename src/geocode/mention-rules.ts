// The word lists of mention finding (data/geocode/mentions.rules, country-terms.tsv,
// region-terms.tsv), read once, and the gazetteer entries a span of text may name.
import { allCountries, findByName, type GazetteerEntry, type NameHit } from './gazetteer.js';
import type { Modifier } from './normalize.js';
import { dataRows } from '../util/data-file.js';

export interface Locative {
  words: string[];
  modifier: Modifier | null;
  origin: boolean;
}

export interface MentionRules {
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


let cachedRules: MentionRules | null = null;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function mentionRules(): MentionRules {
  if (cachedRules) return cachedRules;
  const lines = dataRows('geocode/mentions.rules', 'tab');
  const phrases = (kind: string) => lines.filter(([k]) => k === kind).map(([, phrase = '']) => phrase);
  const demonyms = new Map<string, string>();
  for (const country of allCountries()) for (const demonym of country.demonyms) demonyms.set(demonym, country.code);
  const regionNames = dataRows('geocode/regions.tsv', 'tab').flatMap(([, name = '', aliases = '']) => [name, ...aliases.split('|')]);
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
  for (const [code = '', terms = ''] of dataRows('geocode/country-terms.tsv', 'tab')) add(terms, { code });
  for (const [code = '', names = '', terms = ''] of dataRows('geocode/region-terms.tsv', 'tab')) {
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


/** An acronym: all capitals (SOHR, U.S.) or a short word with two capitals (LoC). */
export function isAcronym(text: string): boolean {
  const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
  return capitals >= 2 && (text === text.toUpperCase() || text.length <= 4);
}

/**
 * Which gazetteer entries a span may name. All-capitals words are acronyms (IS, SOHR, BSF): only those
 * that the country and region tables list (DRC, UAE, KP) name a country or region.
 */
export function hitsFor(name: string): NameHit[] {
  if (!isAcronym(name)) return findByName(name);
  if (!mentionRules().acronyms.has(name.replace(/\./g, ''))) return [];
  return findByName(name).filter((h) => h.entry.kind === 'country' || h.entry.kind === 'admin1');
}
