// Scoring: every gazetteer candidate of every mention gets points for each clue the report gives
// (its name as written, population, kind, country, region, places named nearby); the numbers are in
// weights.ts. Mentions are settled surest first, each with the others' winners as context.
import type { Span } from '../types.js';
import type { GazetteerEntry, NameHit } from './gazetteer.js';
import { kilometres } from '../util/geo.js';
import type { CountryClue } from './clues.js';
import type { FoundMention } from './mentions.js';
import { plainKey, soundKey, withoutLeadingArticle } from './normalize.js';
import { HELD_BY } from './phrases.js';
import { nearbyPoints, PLACED_BY_OTHERS_POINTS, WEIGHTS } from './weights.js';

/** Score parts, kept apart so that the evidence can say which clue won. */
export interface ScoreParts {
  name: number;
  population: number;
  kind: number;
  country: number;
  region: number;
  nearby: number;
}

export interface ScoredCandidate {
  entry: GazetteerEntry;
  match: NameHit['match'];
  score: number;
  parts: ScoreParts;
  /** The other mention whose place lies closest, when that earned points. */
  nearbyMention: FoundMention | null;
  /** The report names countries, or uses terms of countries, none of them this one. */
  cluesElsewhere: boolean;
  /** The report's clues (demonyms of forces aside) point to countries, none of them this one. */
  anyCluesElsewhere: boolean;
  /** Terms used on a front line of its country only ("OSCE SMM") point to other regions than its own. */
  outsideTermRegions: boolean;
  /** The name is also, exactly, the name of this place's region ("Narathiwat" town and province). */
  namesRegion: boolean;
  /** How far it leads the best candidate elsewhere (set on the best candidate of a mention; Infinity when none). */
  lead: number;
}


export function distanceKm(a: { latitude: number | null; longitude: number | null }, b: { latitude: number | null; longitude: number | null }): number {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return Infinity;
  return kilometres(a.latitude, a.longitude, b.latitude, b.longitude);
}

/** 1 for equal strings, towards 0 as more edits are needed (Levenshtein). */
function likeness(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return 1 - (previous[b.length] as number) / Math.max(a.length, b.length, 1);
}

/** Exact names score highest; a spelling scores by how close it comes to the nearest of the entry's names. */
function nameScore(mention: FoundMention, hit: NameHit): number {
  if (hit.match === 'name') return WEIGHTS.ownName;
  if (hit.match === 'alias') return WEIGHTS.otherName;
  const spelled = withoutLeadingArticle(plainKey(mention.name));
  const close = Math.max(...[hit.entry.plainName, ...hit.aliases].map((name) => likeness(spelled, withoutLeadingArticle(name))));
  // A place known by exactly this name is what the writer meant, more likely than a larger place elsewhere spelled alike ("Wana", not Varna).
  const named = mention.hits.some((h) => h.match !== 'spelling' && !(distanceKm(h.entry, hit.entry) < WEIGHTS.samePlaceKm));
  const { min, max } = WEIGHTS.spellingLikeness;
  return WEIGHTS.spelling * Math.min(max, Math.max(min, close)) - (named ? WEIGHTS.spellingBehindName : 0);
}


function kindScore(mention: FoundMention, entry: GazetteerEntry): number {
  return WEIGHTS.kinds[mention.wants ?? 'none'][entry.kind] + (WEIGHTS.features[entry.featureCode] ?? 0);
}

/** How much a mention's place may inform the others: locative words make it a sure mention. */
function mentionWeight(mention: FoundMention): number {
  if (isStrong(mention)) return WEIGHTS.placeClue.sure;
  return mention.sentenceInitial || mention.partial ? WEIGHTS.placeClue.weak : WEIGHTS.placeClue.named;
}


export interface Context {
  countries: Map<string, { weight: number; clue: { text: string; start: number; end: number } }>;
  /** Weight of the firm country clues (countries named, places surely named): only these count against a country. */
  firmWeight: number;
  /** Regions the report places something in: by a place named there, or by a term used there only. */
  regions: Array<{ region: string; clue: { text: string; start: number; end: number } }>;
  /** Countries named, or pointed to by terms used there only (not demonyms: "Turkish troops" fight abroad). */
  namedCountries: Set<string>;
  /** Countries that clues other than demonyms of forces point to. */
  cluedCountries: Set<string>;
  /** Regions of a front line that terms used there only point to ("OSCE SMM": Donetsk, Luhansk), by country. */
  termRegions: Map<string, Set<string>>;
  places: Array<{ mention: FoundMention; entry: GazetteerEntry }>;
}

export function buildContext(clues: CountryClue[], winners: Map<FoundMention, ScoredCandidate>, exclude: FoundMention | null): Context {
  const context: Context = { countries: new Map(), firmWeight: 0, regions: [], places: [], namedCountries: new Set(), cluedCountries: new Set(), termRegions: new Map() };
  const addCountry = (code: string, weight: number, firm: boolean, clue: { text: string; start: number; end: number }) => {
    const known = context.countries.get(code);
    if (known) known.weight += weight;
    else context.countries.set(code, { weight, clue });
    if (firm) context.firmWeight += weight;
  };
  for (const clue of clues) {
    // A name's own clue, or its namesake's ("Sadar upazila" ... "Sadar Hospital"), does not vouch for it.
    if (exclude && (clue.start === exclude.start || (clue.rule === 'OneCountryNameClue' && soundKey(clue.text) === soundKey(exclude.name)))) continue;
    addCountry(clue.code, WEIGHTS.clues[clue.rule], clue.rule === 'CountryNameClue', clue);
    if (clue.rule === 'CountryNameClue' || clue.rule === 'CountryTermClue') context.namedCountries.add(clue.code);
    // Forces are often foreign ("Turkish forces shelled ... al-Hasakeh"): their demonym does not count here.
    if (!clue.forces) context.cluedCountries.add(clue.code);
    for (const region of clue.regions ?? []) {
      context.regions.push({ region: regionKey(region), clue });
      if (clue.rule === 'CountryTermClue' && (clue.regions?.length ?? 0) > 1) (context.termRegions.get(clue.code) ?? context.termRegions.set(clue.code, new Set()).get(clue.code))?.add(regionKey(region));
    }
  }
  for (const [mention, winner] of winners) {
    // Another mention of the same name says nothing about where this one is.
    if (mention === exclude || (exclude && soundKey(mention.name) === soundKey(exclude.name)) || winner.entry.kind === 'country') continue;
    // A stray capitalised word (a person's name) must not pull the report towards its namesake's country.
    if (!isStrong(mention) && winner.entry.kind === 'town' && winner.entry.population < WEIGHTS.largeTownPopulation) continue;
    // Nor a word that only a loose spelling makes a place ("Law Enforcement Agencies": Lahore).
    if (!isStrong(mention) && winner.match === 'spelling' && winner.parts.name < WEIGHTS.closeName) continue;
    addCountry(winner.entry.countryCode, mentionWeight(mention), isFirm(mention, winner), mention);
    context.regions.push({ region: regionKey(winner.entry), clue: mention });
    if (winner.entry.kind !== 'admin1') context.places.push({ mention, entry: winner.entry });
  }
  return context;
}

/**
 * A place surely named (after a locative word, by one of its names) and surely placed (a region, a
 * large town, or one near the other places): its country may count against the others'.
 */
function isFirm(mention: FoundMention, winner: ScoredCandidate): boolean {
  const { entry, match } = winner;
  // A large namesake barely ahead of others elsewhere ("Valencia": Venezuela or Spain) is not surely placed by its size.
  const large = entry.kind !== 'town' || (entry.population >= WEIGHTS.largeTownPopulation && winner.lead >= WEIGHTS.clearLead);
  return isStrong(mention) && match !== 'spelling' && (large || isPlacedByOthers(winner));
}


export function regionKey(entry: GazetteerEntry): string {
  return `${entry.countryCode}.${entry.admin1Code}`;
}

function scoreCandidate(mention: FoundMention, hit: NameHit, context: Context): ScoredCandidate {
  const { entry } = hit;
  const countryWeight = context.countries.get(entry.countryCode)?.weight ?? 0;
  let nearby = 0;
  let nearbyMention: FoundMention | null = null;
  for (const other of context.places) {
    // Village names collide: a village named elsewhere in the report vouches only for what lies right by it.
    const km = distanceKm(entry, other.entry);
    const points = other.entry.village && km >= WEIGHTS.villageNearbyKm ? 0 : nearbyPoints(km);
    if (points > nearby) [nearby, nearbyMention] = [points, other.mention];
  }
  const region = context.regions.some((r) => r.region === regionKey(entry));
  const parts: ScoreParts = {
    name: nameScore(mention, hit),
    population: Math.log10(Math.max(entry.population, WEIGHTS.unknownPopulation) + 1) / WEIGHTS.populationDivisor,
    kind: kindScore(mention, entry),
    country: countryWeight > 0 ? WEIGHTS.countryPerClue * Math.min(countryWeight, WEIGHTS.countryCap) : context.firmWeight >= WEIGHTS.firmClues ? WEIGHTS.countryElsewhere : 0,
    region: region && entry.kind !== 'country' ? WEIGHTS.region : 0,
    nearby,
  };
  const score = Object.values(parts).reduce((sum, part) => sum + part, 0);
  return {
    entry,
    match: hit.match,
    score,
    parts,
    nearbyMention,
    cluesElsewhere: context.namedCountries.size > 0 && !context.namedCountries.has(entry.countryCode),
    anyCluesElsewhere: context.cluedCountries.size > 0 && !context.cluedCountries.has(entry.countryCode),
    outsideTermRegions: context.termRegions.has(entry.countryCode) && !context.termRegions.get(entry.countryCode)?.has(regionKey(entry)),
    namesRegion: false,
    lead: 0,
  };
}

/** How far the best candidate leads the best one elsewhere (WEIGHTS.samePlaceKm away or more). */
export function margin(list: ScoredCandidate[]): number {
  const [best] = list;
  if (!best) return 0;
  const rival = list.find((c) => distanceKm(c.entry, best.entry) >= WEIGHTS.samePlaceKm);
  return rival ? best.score - rival.score : Infinity;
}

/**
 * Names written as a place and the larger place holding it ("Ketou, Plateau", "Auno (Konduga"), each
 * with its partner: a reading of one in a region some reading of the other lies in is the likelier
 * ("Plateau": Benin's department, not Nigeria's state).
 */
export function heldPairs(text: string, mentions: FoundMention[]): Map<FoundMention, FoundMention[]> {
  const pairs = new Map<FoundMention, FoundMention[]>();
  const add = (a: FoundMention, b: FoundMention) => (pairs.get(a) ?? pairs.set(a, []).get(a))?.push(b);
  mentions.forEach((mention, i) => {
    const next = mentions.slice(i + 1).find((o) => o.start >= mention.end && o.kind !== 'site');
    if (mention.kind !== 'place' || next?.kind !== 'place' || !HELD_BY.test(text.slice(mention.end, next.start))) return;
    add(mention, next);
    add(next, mention);
  });
  return pairs;
}

/** The regions and districts the partners of a mention may name join the regions the report points to. */
export function withPartnerRegions(context: Context, partners: FoundMention[] = []): Context {
  for (const partner of partners) {
    for (const hit of partner.hits) if ((hit.entry.kind === 'admin1' || hit.entry.kind === 'admin2') && hit.match !== 'spelling') context.regions.push({ region: regionKey(hit.entry), clue: partner });
  }
  return context;
}

/**
 * Scores the candidates of every mention. Mentions are settled one by one, surest first, each with
 * the places already chosen for the others as context; a second pass lets every mention see all the
 * others. (Settling all at once lets two unsure mentions pull each other back and forth.)
 */
export function scoreAll(text: string, mentions: FoundMention[], clues: CountryClue[]): Map<FoundMention, ScoredCandidate[]> {
  const places = mentions.filter((m) => m.kind === 'place' && m.hits.length);
  const winners = new Map<FoundMention, ScoredCandidate>();
  const scored = new Map<FoundMention, ScoredCandidate[]>();
  const pairs = heldPairs(text, mentions);
  const score = (mention: FoundMention) => {
    const context = withPartnerRegions(buildContext(clues, winners, mention), pairs.get(mention));
    const list = mention.hits.map((hit) => scoreCandidate(mention, hit, context)).sort((a, b) => b.score - a.score);
    const namedRegions = new Set(list.filter((c) => c.entry.kind === 'admin1' && c.match === 'name').map((c) => regionKey(c.entry)));
    for (const candidate of list) candidate.namesRegion = namedRegions.has(regionKey(candidate.entry));
    if (list[0]) list[0].lead = margin(list);
    return list;
  };
  const surestFirst = places.map((mention) => ({ mention, margin: margin(score(mention)) })).sort((a, b) => b.margin - a.margin);
  for (let pass = 0; pass < 2; pass++) {
    for (const { mention } of surestFirst) {
      const list = score(mention);
      scored.set(mention, list);
      winners.set(mention, list[0] as ScoredCandidate);
    }
  }
  return scored;
}


/** In a region the report names, or near another place it names (WEIGHTS.placedByOthersKm). */
export function isPlacedByOthers({ parts }: ScoredCandidate): boolean {
  return parts.region > 0 || parts.nearby >= PLACED_BY_OTHERS_POINTS;
}

/**
 * Named by its own name; for a region clearly ahead of its namesakes ("Extreme-Nord", not "Central
 * Region"), also by one of its other names, which are few and checked (data/geocode/regions.tsv),
 * unlike the many other names GeoNames gives towns.
 */
export function isOwnName(winner: ScoredCandidate): boolean {
  return winner.match === 'name' || (winner.match === 'alias' && winner.entry.kind === 'admin1' && winner.lead >= WEIGHTS.clearLead);
}

/** A locative word or a descriptor before a whole capitalised name: surely a place. */
export function isStrong(mention: FoundMention): boolean {
  return (mention.locative || mention.rule === 'DescriptorMention') && !mention.partial && !mention.origin;
}

export function inside(mention: Span, spans: Span[]): boolean {
  return spans.some((s) => mention.start >= s.start && mention.end <= s.end);
}
