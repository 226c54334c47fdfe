// Offline geocoding of conflict reports: finds place mentions, resolves them against a GeoNames
// gazetteer built at install time (see build-index.ts) and codes the incident's place with an ACLED
// geo precision. A report that names only a country gets a place with the country set and no
// coordinates (precision 3); a report that names no place the gazetteer knows gets `place: null`.
import type { Evidence, Place, Span } from '../types.js';
import { admin1Name, countryName, findByName, type EntryKind, type GazetteerEntry } from './gazetteer.js';
import { findMentions, type FoundMention, type PlaceMention } from './mentions.js';
import { resolve } from './resolve.js';
import type { ScoredCandidate } from './score.js';

export type { PlaceMention } from './mentions.js';
export { indexHeader } from './gazetteer.js';
export { ATTRIBUTION } from './index-format.js';

export interface GeocodeOptions {
  /** Sentences describing the incident: mentions inside them win; mentions elsewhere serve as context. */
  focus?: Span[];
  /** Other incidents' sentences: when the focus names no place, their places are not taken as this one's. */
  elsewhere?: Span[];
}

export interface GeocodeCandidate {
  mention: string;
  name: string;
  admin1: string | null;
  country: string | null;
  lat: number;
  lon: number;
  population: number;
  score: number;
  kind: EntryKind;
  /** Known from the village-level data only (see GazetteerEntry.village). */
  village: boolean;
  geonameId: number | null;
}

export interface GeocodeResult {
  place: Place | null;
  evidence: Evidence[];
  mentions: PlaceMention[];
  /** The best candidates of every mention, best first (countries, which have no coordinates, left out). */
  candidates: GeocodeCandidate[];
  reason: string;
}

/** Candidates listed per mention in a result. */
const CANDIDATES_PER_MENTION = 5;

function toCandidate(mention: string, entry: GazetteerEntry, score: number): GeocodeCandidate {
  return {
    mention,
    name: entry.name,
    admin1: admin1Name(entry),
    country: countryName(entry.countryCode),
    lat: entry.latitude ?? NaN,
    lon: entry.longitude ?? NaN,
    population: entry.population,
    score: Math.round(score * 100) / 100,
    kind: entry.kind,
    village: entry.village,
    geonameId: entry.geonameId,
  };
}

function publicMention({ text, start, end, rule, modifier }: FoundMention): PlaceMention {
  return { text, start, end, rule, modifier };
}

export function geocode(text: string, options: GeocodeOptions = {}): GeocodeResult {
  const { mentions, clues } = findMentions(text);
  const { place, evidence, reason, scored } = resolve(text, mentions, clues, options.focus, options.elsewhere);
  const candidates = [...scored].flatMap(([mention, list]: [FoundMention, ScoredCandidate[]]) =>
    list
      .filter((c) => c.entry.kind !== 'country')
      .slice(0, CANDIDATES_PER_MENTION)
      .map((c) => toCandidate(mention.text, c.entry, c.score)),
  );
  return { place, evidence, mentions: mentions.map(publicMention), candidates, reason };
}

/** How closely a lookup met the entry's own name, as the candidate score of lookupName. */
const MATCH_SCORES = { name: 1, alias: 0.8, spelling: 0.5 };

/**
 * Every gazetteer entry known by this name in any spelling the normalisation rules fold together
 * (countries left out): own names first, then other names, then spellings; larger places first.
 */
export function lookupName(name: string): GeocodeCandidate[] {
  return findByName(name)
    .filter((hit) => hit.entry.kind !== 'country')
    .map((hit) => toCandidate(name, hit.entry, MATCH_SCORES[hit.match]))
    .sort((a, b) => b.score - a.score || b.population - a.population);
}
