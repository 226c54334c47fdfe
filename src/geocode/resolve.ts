// Disambiguation: scores every gazetteer candidate of every mention with the clues the report gives
// (countries named, regions and places named near each other, population, descriptors), then picks
// the mention that locates the incident and its ACLED geo precision.
import type { Evidence, GeoPrecision, Place, Span } from '../types.js';
import { admin1Name, capitalOf, countryName, type EntryKind, type GazetteerEntry, type NameHit } from './gazetteer.js';
import { SEATLESS_DISTRICT } from './build-index.js';
import { kilometres } from '../util/geo.js';
import type { CountryClue, FoundMention } from './mentions.js';
import { plainKey, soundKey, withoutLeadingArticle, type Wanted } from './normalize.js';

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

export interface Resolution {
  place: Place | null;
  evidence: Evidence[];
  reason: string;
  scored: Map<FoundMention, ScoredCandidate[]>;
}

const SAME_PLACE_KM = 25;
const NEARBY_POINTS = { within25km: 2.5, within75km: 1.8, within200km: 1 };
/** Places listed without a population (see build-index.ts) count as small villages. */
const UNKNOWN_POPULATION = 500;
/** A country named outright says more than a demonym or a country inside an organisation's name. */
const CLUE_WEIGHTS: Record<CountryClue['rule'], number> = { CountryNameClue: 2, CountryAcronymClue: 1, DemonymClue: 1, OrganisationCountryClue: 1, CountryTermClue: 1, OneCountryNameClue: 0.5 };
/** Without a locative word, a known name must be backed by a clue or be a large place to be coded. */
const UNSUPPORTED_MIN_POPULATION = 100_000;

export function distanceKm(a: { latitude: number | null; longitude: number | null }, b: { latitude: number | null; longitude: number | null }): number {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return Infinity;
  return kilometres(a.latitude, a.longitude, b.latitude, b.longitude);
}

/** 1 for equal strings, towards 0 as more edits are needed (Levenshtein). */
function similarity(a: string, b: string): number {
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
  if (hit.match === 'name') return 3;
  if (hit.match === 'alias') return 2.7;
  const spelled = withoutLeadingArticle(plainKey(mention.name));
  const close = Math.max(...[hit.entry.plainName, ...hit.aliases].map((name) => similarity(spelled, withoutLeadingArticle(name))));
  // A place known by exactly this name is what the writer meant, more likely than a larger place elsewhere spelled alike ("Wana", not Varna).
  const named = mention.hits.some((h) => h.match !== 'spelling' && !(distanceKm(h.entry, hit.entry) < SAME_PLACE_KM));
  return 2.5 * Math.min(0.9, Math.max(0.3, close)) - (named ? SPELLING_BEHIND_NAME : 0);
}

/** Name points a spelling loses when some place has exactly the name written. */
const SPELLING_BEHIND_NAME = 1.5;

/** GeoNames feature codes: capitals weigh more; sections of towns and abandoned or historical places less. */
const FEATURE_SCORES: Record<string, number> = { PPLC: 1, PPLA: 0.6, PPLA2: 0.3, PPLX: -0.7, PPLH: -2, PPLQ: -2, PPLW: -2 };

/** Which kind of entry a mention asks for (its descriptor), or, when it asks for none, the usual reading. */
const KIND_SCORES: Record<Wanted | 'none', Record<EntryKind, number>> = {
  region: { admin1: 2.5, admin2: 1.5, town: -1, country: -1 },
  district: { admin2: 2.5, admin1: 1, town: 0, country: -1 },
  town: { town: 1.5, admin1: -1, admin2: -1, country: -1 },
  none: { town: 0.5, country: 2, admin1: 0, admin2: -0.5 },
};

function kindScore(mention: FoundMention, entry: GazetteerEntry): number {
  return KIND_SCORES[mention.wants ?? 'none'][entry.kind] + (FEATURE_SCORES[entry.featureCode] ?? 0);
}

/** How much a mention's place may inform the others: locative words make it a sure mention. */
function mentionWeight(mention: FoundMention): number {
  if (isStrong(mention)) return 1;
  return mention.sentenceInitial || mention.partial ? 0.3 : 0.5;
}

interface Context {
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

function buildContext(clues: CountryClue[], winners: Map<FoundMention, ScoredCandidate>, exclude: FoundMention | null): Context {
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
    addCountry(clue.code, CLUE_WEIGHTS[clue.rule], clue.rule === 'CountryNameClue', clue);
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
    if (!isStrong(mention) && winner.entry.kind === 'town' && winner.entry.population < UNSUPPORTED_MIN_POPULATION) continue;
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
  const large = entry.kind !== 'town' || (entry.population >= UNSUPPORTED_MIN_POPULATION && winner.lead >= CLEAR_LEAD);
  return isStrong(mention) && match !== 'spelling' && (large || isPlacedByOthers(winner));
}

/** Score points by which a place must lead its namesakes elsewhere to be clearly the one meant. */
const CLEAR_LEAD = 1;

function regionKey(entry: GazetteerEntry): string {
  return `${entry.countryCode}.${entry.admin1Code}`;
}

function scoreCandidate(mention: FoundMention, hit: NameHit, context: Context): ScoredCandidate {
  const { entry } = hit;
  const countryWeight = context.countries.get(entry.countryCode)?.weight ?? 0;
  let nearby = 0;
  let nearbyMention: FoundMention | null = null;
  for (const other of context.places) {
    const km = distanceKm(entry, other.entry);
    const points = km < 25 ? NEARBY_POINTS.within25km : km < 75 ? NEARBY_POINTS.within75km : km < 200 ? NEARBY_POINTS.within200km : 0;
    if (points > nearby) [nearby, nearbyMention] = [points, other.mention];
  }
  const region = context.regions.some((r) => r.region === regionKey(entry));
  const parts: ScoreParts = {
    name: nameScore(mention, hit),
    population: Math.log10(Math.max(entry.population, UNKNOWN_POPULATION) + 1) / 2,
    kind: kindScore(mention, entry),
    country: countryWeight > 0 ? 1.5 * Math.min(countryWeight, 3) : context.firmWeight >= 1 ? -1.5 : 0,
    region: region && entry.kind !== 'country' ? 2.5 : 0,
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

/** How far the best candidate leads the best one elsewhere (more than SAME_PLACE_KM away). */
function margin(list: ScoredCandidate[]): number {
  const [best] = list;
  if (!best) return 0;
  const rival = list.find((c) => distanceKm(c.entry, best.entry) >= SAME_PLACE_KM);
  return rival ? best.score - rival.score : Infinity;
}

/**
 * Names written as a place and the larger place holding it ("Ketou, Plateau", "Auno (Konduga"), each
 * with its partner: a reading of one in a region some reading of the other lies in is the likelier
 * ("Plateau": Benin's department, not Nigeria's state).
 */
function heldPairs(text: string, mentions: FoundMention[]): Map<FoundMention, FoundMention[]> {
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
function withPartnerRegions(context: Context, partners: FoundMention[] = []): Context {
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
function scoreAll(text: string, mentions: FoundMention[], clues: CountryClue[]): Map<FoundMention, ScoredCandidate[]> {
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

/** A region or district, a town of 100,000 people or more, or a place the other places named confirm. */
function isLargeOrPlaced(winner: ScoredCandidate): boolean {
  return winner.entry.kind !== 'town' || winner.entry.population >= UNSUPPORTED_MIN_POPULATION || isPlacedByOthers(winner);
}

/** In a region the report names, or within 75 km of another place it names. */
function isPlacedByOthers({ parts }: ScoredCandidate): boolean {
  return parts.region > 0 || parts.nearby >= NEARBY_POINTS.within75km;
}

/**
 * A winner backed by a clue: a region or a place named nearby; or, for a whole name that no country
 * clue contradicts, its country named or its size (a region, or a large town).
 */
function isSupported(mention: FoundMention, winner: ScoredCandidate): boolean {
  const { entry, parts } = winner;
  if (isPlacedByOthers(winner)) return true;
  if (mention.partial) return false;
  // Another name or a spelling of a place in a country no clue points to, when clues point elsewhere ("Marabo" is Malabo's).
  if (!isOwnName(winner) && winner.anyCluesElsewhere) return false;
  // A loose spelling ("Tirah" for Tehran) needs a clue to its country: size does not vouch for it.
  if (winner.match === 'spelling' && parts.name < CLOSE_NAME_SCORE) return parts.country > 0;
  // Without a locative word, size vouches only for a place's own name: "Liga" is one of Riga's other names.
  // (A town whose region bears exactly the name written is named by it: "Taizz" for Taiz.)
  if (!isStrong(mention) && !isOwnName(winner) && !winner.namesRegion && parts.country <= 0) return false;
  // A large town or region named exactly after a locative word stands even in a report about another country.
  if (parts.country < 0) return entry.population >= UNSUPPORTED_MIN_POPULATION && isStrong(mention) && isOwnName(winner);
  // Without a locative word, a small place in a country no clue points to, when countries named or terms point
  // elsewhere ('CORD protesters in "Nyanza region"': Kenya's, not Rwanda's district), is a namesake; not one
  // called a town outright ("the coastal town of Kwale").
  if (!mention.locative && mention.wants !== 'town' && winner.cluesElsewhere && parts.country === 0 && entry.population < UNSUPPORTED_MIN_POPULATION) return false;
  return parts.country > 0 || entry.kind !== 'town' || entry.population >= UNSUPPORTED_MIN_POPULATION || winner.namesRegion;
}

/**
 * Named by its own name; for a region clearly ahead of its namesakes ("Extreme-Nord", not "Central
 * Region"), also by one of its other names, which are few and checked (data/geocode/regions.tsv),
 * unlike the many other names GeoNames gives towns.
 */
function isOwnName(winner: ScoredCandidate): boolean {
  return winner.match === 'name' || (winner.match === 'alias' && winner.entry.kind === 'admin1' && winner.lead >= CLEAR_LEAD);
}

/** A locative word or a descriptor before a whole capitalised name: surely a place. */
function isStrong(mention: FoundMention): boolean {
  return (mention.locative || mention.rule === 'DescriptorMention') && !mention.partial && !mention.origin;
}

function inside(mention: Span, spans: Span[]): boolean {
  return spans.some((s) => mention.start >= s.start && mention.end <= s.end);
}

/** "the capital", "the Somali capital", "the country's capital", "capital's". */
const CAPITAL = /\bthe\s+(?:(?:\p{Lu}[\p{L}-]+|country['’]s)\s+)?capital\b(?!\s+(?:city\s+)?(?:of\s+)?\p{Lu})|\bcapital['’]s\b/u;

/** "the capital's" right before a name. */
const CAPITAL_POSSESSIVE = /\bcapital['’]s\s+$/;

/** Name points of a close spelling (four letters in five the same): "Jaccobabad" for Jacobabad is one, "Tirah" for Tehran is not. */
const CLOSE_NAME_SCORE = 2;

/** "The OSCE SMM observed shelling near Vodiane": a village of the name in another region of the country than the front line is a namesake. */
function isNamesakeOffFront(winner: ScoredCandidate): boolean {
  return winner.outsideTermRegions && winner.entry.kind === 'town' && winner.entry.population < UNSUPPORTED_MIN_POPULATION && winner.parts.nearby < NEARBY_POINTS.within75km;
}

/**
 * Worth coding: backed by a clue, or a close name after a locative word that no clue contradicts
 * (a village of the name abroad is not coded when every clue points to other countries).
 */
function isCodable(mention: FoundMention, winner: ScoredCandidate | undefined): winner is ScoredCandidate {
  if (!winner || winner.entry.kind === 'country') return false;
  if (isNamesakeOffFront(winner)) return false;
  return isSupported(mention, winner) || (isStrong(mention) && winner.parts.name >= CLOSE_NAME_SCORE && winner.parts.country >= 0 && !winner.cluesElsewhere && !(!isOwnName(winner) && winner.anyCluesElsewhere));
}

/** Whether `inner` lies in the region of `outer` (its admin1, and its admin2 when `outer` is a district). */
function isInside(inner: GazetteerEntry, outer: GazetteerEntry): boolean {
  if (inner.countryCode !== outer.countryCode || inner.admin1Code !== outer.admin1Code) return false;
  return outer.kind !== 'admin2' || inner.admin2Code === outer.admin2Code;
}

/** Words naming a part of a town: "Palanpur area of Surat", "Khair neighbourhood of Wau". */
const PART_NOUN = String.raw`(?:area|locality|neighbou?rhood|colony|quarter|ward|suburb)`;
const ENDS_WITH_PART_NOUN = new RegExp(String.raw`\s${PART_NOUN}$`);
const PART_NOUN_OF = new RegExp(String.raw`^\s+${PART_NOUN}\s+(?:of|in)\s+(?:the\s+)?$`);
const OF = /^\s+(?:of|in)\s+(?:the\s+)?$/;

/** "Lekki area of Lagos": `part` is a part of the town `town` names (the part noun may be the mention's descriptor). */
function isPartOf(text: string, part: FoundMention, town: FoundMention): boolean {
  const between = text.slice(part.end, town.start);
  return town.start > part.end && (PART_NOUN_OF.test(between) || (ENDS_WITH_PART_NOUN.test(part.text) && OF.test(between)));
}
/** Text between a smaller place and the larger one holding it: "Jamrud, Khyber", "Auno (Konduga", "Bulani village of Zhari". */
const HELD_BY = new RegExp(String.raw`^(?:\s*,\s*|\s*\(\s*|\s+(?:${PART_NOUN}\s+)?(?:in|of|under)\s+(?:the\s+)?)$`);

/** A place held by a town ("Santo Nino, Plaridel") lies within this distance of it; one held by a district or a region, in its region. */
const HELD_WITHIN_KM = 50;

/** Some reading of `outer` holds `entry`: a region or district (or its town) whose region it lies in, or a town near it. */
function holds(outer: FoundMention, candidates: ScoredCandidate[], entry: GazetteerEntry): boolean {
  // A town read for a district or region named ("Katwa in Burdwan district") stands for it.
  const namesUnit = outer.wants === 'district' || outer.wants === 'region';
  const sameRegion = (c: ScoredCandidate) => c.entry.countryCode === entry.countryCode && c.entry.admin1Code === entry.admin1Code;
  return candidates.some((c) => (c.entry.kind === 'town' && !namesUnit ? distanceKm(entry, c.entry) <= HELD_WITHIN_KM : sameRegion(c)));
}

/** Towns sit inside districts, districts inside regions. */
const RANK: Record<EntryKind, number> = { town: 0, admin2: 1, admin1: 2, country: 3 };

/** A list goes on after a name: "Assiut, Alexandria, and Suez". */
const LIST_GOES_ON = /^\s*,?\s+(?:and|or)\s/;

/**
 * The larger place named right after `inner` as holding it ("X, Y", "X (Y", "X in Y district", "X of Y"),
 * when no reading of the larger place holds the best candidate of `inner`: that one is a namesake. A
 * town holds only a name with namesakes ("Santo Nino, Plaridel, Bulacan", not "Loralai, Zhob,
 * Balochistan"), and only when a name after it holds it in turn; a list ("Assiut, Alexandria, and
 * Suez", "Srinagar, Sopore, Baramulla") holds nothing.
 */
function outerPlace(text: string, inner: FoundMention, mentions: FoundMention[], usable: FoundMention[], scored: Map<FoundMention, ScoredCandidate[]>): { outer: FoundMention; namesake: boolean } | null {
  const after = (m: FoundMention) => mentions.find((o) => o.start >= m.end && o.kind !== 'site');
  const heldBy = (m: FoundMention) => {
    const next = after(m);
    return next && usable.includes(next) && HELD_BY.test(text.slice(m.end, next.start)) && !LIST_GOES_ON.test(text.slice(next.end)) ? next : null;
  };
  const candidates = (m: FoundMention) => scored.get(m) as ScoredCandidate[];
  const outer = heldBy(inner);
  if (!outer) return null;
  const innerEntry = (candidates(inner)[0] as ScoredCandidate).entry;
  const outerEntry = (candidates(outer)[0] as ScoredCandidate).entry;
  // "Gashoho commune (Muyinga)": a district the gazetteer cannot put on the map is coded as the place holding it.
  if (innerEntry.latitude === null) return outerEntry.latitude !== null && holds(outer, candidates(outer), innerEntry) ? { outer, namesake: false } : null;
  if (RANK[outerEntry.kind] < RANK[innerEntry.kind] || (outerEntry.kind !== 'town' && RANK[outerEntry.kind] === RANK[innerEntry.kind])) return null;
  if (holds(outer, candidates(outer), innerEntry)) return null;
  if (outerEntry.kind !== 'town') return { outer, namesake: true };
  // A town is less sure a holder than a district: only of a name with namesakes, and not in a list of towns.
  const third = heldBy(outer);
  return margin(candidates(inner)) !== Infinity && (!third || holds(third, candidates(third), outerEntry)) ? { outer, namesake: true } : null;
}

/**
 * The first place named outright; when its name only ever names a site ("Sanaa Street" ... in
 * Hodeidah), a region or large town named outright elsewhere comes before it.
 */
function outrightPlace(supported: FoundMention[], mentions: FoundMention[], sites: FoundMention[], winnerOf: (m: FoundMention) => ScoredCandidate): FoundMention | undefined {
  const inSite = (m: FoundMention) => sites.some((site) => site.start <= m.start && m.end <= site.end);
  const namesSite = (m: FoundMention) => mentions.every((o) => soundKey(o.name) !== soundKey(m.name) || inSite(o));
  const [first] = supported;
  if (!first || !namesSite(first)) return first;
  return supported.find((m) => !namesSite(m) && isLargeOrPlaced(winnerOf(m))) ?? first;
}

interface Choice {
  mention: FoundMention;
  /** A place named just before it that the gazetteer could not place: the event is inside or near the chosen one. */
  heldPlace: FoundMention | null;
  /** The held place's own best candidate lies outside the chosen one: a namesake (HeldByOuterPlace). */
  heldNamesake?: ScoredCandidate;
  /** A part of it named after a possessive ("Karachi's Lyari area"): the event is in that part. */
  namedPart: string | null;
}

/** "'s" and a capitalised name after a place name: a part of the place. */
const POSSESSED_PART = /^['’]s\s+(\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)*)/u;

/** The mention that locates the incident: the first sure one, or a place named inside the region it names. */
function chooseMention(text: string, mentions: FoundMention[], sites: FoundMention[], scored: Map<FoundMention, ScoredCandidate[]>): Choice | null {
  const winners = new Map([...scored].map(([mention, list]) => [mention, list[0] as ScoredCandidate]));
  const usable = mentions.filter((m) => isCodable(m, winners.get(m)));
  const winnerOf = (m: FoundMention) => winners.get(m) as ScoredCandidate;
  // Surest first: a place that the other places named confirm, then one backed by any clue; a large
  // town whose name places elsewhere share, in a country the clues contradict ("Kandi": Benin, in a
  // report about Bangladesh), only after the others.
  const doubtful = (m: FoundMention) => winnerOf(m).parts.country < 0 && winnerOf(m).lead !== Infinity;
  const first =
    usable.find((m) => isStrong(m) && isPlacedByOthers(winnerOf(m))) ??
    usable.find((m) => isStrong(m) && isSupported(m, winnerOf(m)) && !doubtful(m)) ??
    usable.find((m) => isStrong(m) && isSupported(m, winnerOf(m))) ??
    // A region or large place the report names outright beats a mere spelling after a locative word.
    outrightPlace(usable.filter((m) => isSupported(m, winnerOf(m))), mentions, sites, winnerOf) ??
    usable.find(isStrong) ??
    usable[0];
  if (!first) return null;
  // "Palanpur area of Surat": the part may share its name with a town elsewhere; the larger town holding it is the place.
  const holder = usable.find((m) => winnerOf(m).entry.kind === 'town' && winnerOf(m).entry.population > winnerOf(first).entry.population && isPartOf(text, first, m));
  if (holder) return { mention: holder, heldPlace: null, namedPart: first.name };
  const firstEntry = winnerOf(first).entry;
  const moreSpecific = usable.find((m) => {
    const entry = winnerOf(m).entry;
    // A district without coordinates is no more precise than its region.
    if (m === first || !isInside(entry, firstEntry) || entry.latitude === null) return false;
    return firstEntry.kind === 'admin1' ? entry.kind === 'town' || entry.kind === 'admin2' : firstEntry.kind === 'admin2' && entry.kind === 'town';
  });
  const inner = firstEntry.kind === 'town' ? first : (moreSpecific ?? first);
  // "Shahpur sector (Poonch district": a namesake of the smaller place lying outside the larger one is not it.
  const held = outerPlace(text, inner, mentions, usable, scored);
  if (held) return { mention: held.outer, heldPlace: inner, heldNamesake: held.namesake ? winnerOf(inner) : undefined, namedPart: null };
  const mention = inner;
  const before = mentions.filter((m) => m.end <= mention.start && m.kind !== 'site').pop();
  const namesCountry = (m: FoundMention) => m.hits.some((h) => h.entry.kind === 'country' && h.match !== 'spelling');
  const isHeld = before && !isCodable(before, winners.get(before)) && !namesCountry(before) && HELD_BY.test(text.slice(before.end, mention.start));
  const heldPlace = isHeld ? before : null;
  const part = POSSESSED_PART.exec(text.slice(mention.end))?.[1] ?? null;
  const partStart = part === null ? -1 : mention.end + text.slice(mention.end).indexOf(part);
  // "Songkhla's Thepha district": the part, when the gazetteer places it there, is the place.
  const partMention = usable.find((m) => m.start === partStart && isInside(winnerOf(m).entry, winnerOf(mention).entry));
  if (partMention) return { mention: partMention, heldPlace: null, namedPart: null };
  const partIsSite = sites.some((site) => site.start === partStart);
  return { mention, heldPlace, namedPart: partIsSite ? null : part };
}

function precisionOf({ mention, heldPlace, namedPart }: Choice, entry: GazetteerEntry): GeoPrecision {
  if (entry.kind === 'town') return mention.modifier || heldPlace || namedPart ? 2 : 1;
  if (entry.kind === 'admin2') return 2;
  return mention.modifier ? 2 : 3;
}

function describeEntry(entry: GazetteerEntry): string {
  const parts = [entry.name, entry.kind === 'admin1' ? null : admin1Name(entry), countryName(entry.countryCode)].filter(Boolean);
  return `${parts.join(', ')} (${entry.kind}${entry.geonameId ? `, GeoNames ${entry.geonameId}` : ''})`;
}

function evidenceAt(text: string, span: Span, rule: string, note: string): Evidence {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end), rule, note };
}

/** Which clue separated the winner from its best rival elsewhere, as evidence. */
function disambiguationEvidence(text: string, mention: FoundMention, list: ScoredCandidate[], context: Context): Evidence {
  const winner = list[0] as ScoredCandidate;
  const rival = list.find((c) => c !== winner && !(distanceKm(c.entry, winner.entry) < SAME_PLACE_KM));
  if (!rival) return evidenceAt(text, mention, 'UniqueNameMatch', `the gazetteer knows one place by this name: ${describeEntry(winner.entry)}`);
  const margins = (Object.keys(winner.parts) as Array<keyof ScoreParts>).map((part) => ({ part, margin: winner.parts[part] - rival.parts[part] }));
  const { part } = margins.sort((a, b) => b.margin - a.margin)[0] as { part: keyof ScoreParts };
  const versus = `over ${describeEntry(rival.entry)}`;
  const country = countryName(winner.entry.countryCode);
  switch (part) {
    case 'country': {
      const clue = context.countries.get(winner.entry.countryCode)?.clue ?? mention;
      return evidenceAt(text, clue, 'CountryContextDisambiguation', `the report points to ${country} ("${clue.text}"): ${versus}`);
    }
    case 'region': {
      const clue = context.regions.find((r) => r.region === regionKey(winner.entry))?.clue ?? mention;
      return evidenceAt(text, clue, 'RegionContextDisambiguation', `the report points to its region ${admin1Name(winner.entry) ?? ''} ("${clue.text}"): ${versus}`);
    }
    case 'nearby': {
      const clue = winner.nearbyMention ?? mention;
      return evidenceAt(text, clue, 'NearbyPlacesDisambiguation', `it lies near "${clue.text}", also named in the report: ${versus}`);
    }
    case 'kind':
      return mention.wants
        ? evidenceAt(text, mention, 'DescriptorDisambiguation', `"${mention.text}" asks for a ${mention.wants}: ${versus}`)
        : evidenceAt(text, mention, 'PlaceTypeDisambiguation', `a country, or a town rather than a region of the same name, is taken when nothing says otherwise: ${versus}`);
    case 'name':
      return evidenceAt(text, mention, 'NameMatchDisambiguation', `the spelling matches its name more closely: ${versus}`);
    default:
      return evidenceAt(text, mention, 'PopulationDisambiguation', `largest or most important place of the name (${winner.entry.population.toLocaleString('en')} people): ${versus}`);
  }
}

const MODIFIER_NOTES: Record<string, string> = {
  near: 'near the place',
  outskirts: 'on its outskirts',
  countryside: 'in its countryside',
  district: 'in part of it',
};

function precisionNote({ mention, heldPlace, heldNamesake, namedPart }: Choice, entry: GazetteerEntry, precision: GeoPrecision): string {
  if (heldPlace && heldNamesake) return `geo precision ${precision}: the event is at "${heldPlace.text}", in or near it (the gazetteer's ${describeEntry(heldNamesake.entry)} lies outside it: a namesake)`;
  if (heldPlace) return `geo precision ${precision}: the event is at "${heldPlace.text}", which the gazetteer does not place, in or near it`;
  if (namedPart) return `geo precision ${precision}: the event is in "${namedPart}", a part of it`;
  if (entry.featureCode === SEATLESS_DISTRICT) {
    const where = entry.latitude === null ? 'coordinates left empty' : `its region is one town in effect: placed on ${admin1Name(entry) ?? 'its region'}'s seat`;
    return `geo precision 2: only the district is known, and the gazetteer has none of its towns; ${where}`;
  }
  if (mention.modifier) return `geo precision ${precision}: the event is ${MODIFIER_NOTES[mention.modifier]}`;
  if (precision === 1) return 'geo precision 1: the town itself';
  if (entry.kind === 'admin2') return 'geo precision 2: only the district is known';
  return 'geo precision 3: only the province is known';
}

/**
 * Sites belong to the chosen place when the place mention that owns them is that place: the nearest
 * one in the same sentence ("al-Hani mosque in Raqqa"), else the nearest one before them.
 */
function sitesOf(chosen: ScoredCandidate, text: string, mentions: FoundMention[], winners: Map<FoundMention, ScoredCandidate>, eligible: (m: FoundMention) => boolean): FoundMention[] {
  // Owners: places surely named, or placed by the other places; a stray known name ("al-Sena's") owns nothing.
  const places = mentions.filter((m) => {
    const winner = winners.get(m);
    return isCodable(m, winner) && (isStrong(m) || isPlacedByOthers(winner));
  });
  const ownerOf = (site: FoundMention) => {
    const sameSentenceAfter = places.find((m) => m.start >= site.end && !/[.!?]\s/.test(text.slice(site.end, m.start)));
    const before = places.filter((m) => m.end <= site.start).pop();
    if (!sameSentenceAfter) return before;
    if (!before || /[.!?]\s/.test(text.slice(before.end, site.start))) return sameSentenceAfter;
    return site.start - before.end <= sameSentenceAfter.start - site.end ? before : sameSentenceAfter;
  };
  return mentions.filter((site) => {
    if (site.kind !== 'site' || !eligible(site)) return false;
    const owner = ownerOf(site);
    return owner !== undefined && distanceKm((winners.get(owner) as ScoredCandidate).entry, chosen.entry) < SAME_PLACE_KM;
  });
}

/** Forces often fight abroad ("Indian Border Security Force" shooting into Bangladesh): their demonym weighs half. */
function clueWeight(clue: CountryClue): number {
  return clue.forces ? CLUE_WEIGHTS[clue.rule] / 2 : CLUE_WEIGHTS[clue.rule];
}

/** The first clue to the country whose clues outweigh all the others' together, if one does. */
function dominantClue(clues: CountryClue[]): CountryClue | undefined {
  const weights = new Map<string, number>();
  for (const clue of clues) weights.set(clue.code, (weights.get(clue.code) ?? 0) + clueWeight(clue));
  const total = [...weights.values()].reduce((sum, w) => sum + w, 0);
  const [code, weight] = [...weights].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return weight > total - weight ? clues.find((c) => c.code === code) : undefined;
}

/** A gazetteer entry as the incident's place. */
function placeAt(entry: GazetteerEntry, geoPrecision: GeoPrecision, sites: string[] = []): Place {
  const { latitude, longitude, geonameId } = entry;
  return { name: entry.name, admin1: admin1Name(entry), country: countryName(entry.countryCode), latitude, longitude, geoPrecision, sites, geonameId };
}

/**
 * No town or region named: the capital ("in the Somali capital"), the region or the country the
 * report's clues point to, else nothing, and why.
 */
function placeFromClues(text: string, mentions: FoundMention[], clues: CountryClue[], inFocus: (span: Span) => boolean, scored: Map<FoundMention, ScoredCandidate[]>): Omit<Resolution, 'scored'> {
  const countryClue = clues.find((c) => c.rule === 'CountryNameClue' && inFocus(c)) ?? clues.find((c) => c.rule === 'CountryNameClue');
  // Without a place or a country name, clues that point mostly to one country ("Pakistani troops ... TTP") still give the country.
  // Names found in one country only are weak: they count when the report has no other clue.
  const termClues = clues.filter((c) => c.rule !== 'OneCountryNameClue');
  const weighed = termClues.length ? termClues : clues;
  const clue = countryClue ?? dominantClue(weighed);
  const capital = capitalPlace(text, clues, clue);
  if (capital) return capital;
  // Names the gazetteer knows whose best reading no clue backs ("Geo": Gao, Mali, by a loose spelling).
  const unbacked = [...scored]
    .filter(([m, list]) => m.kind === 'place' && !m.partial && list[0] && list[0].entry.kind !== 'country')
    .map(([m, list]) => `"${m.text}" (${describeEntry((list[0] as ScoredCandidate).entry)}, by ${(list[0] as ScoredCandidate).match})`);
  if (clue) return regionPlace(text, clues, clue.code) ?? oneCountryPlace(text, mentions, clues, clue.code, inFocus, scored) ?? countryPlace(text, clue, countryClue !== undefined, weighed, unbacked);
  const unknown = mentions.filter((m) => m.kind === 'unknown').map((m) => `"${m.text}"`);
  const demonyms = clues.filter((c) => c.rule === 'DemonymClue').map((c) => c.text);
  const reason = [
    unbacked.length ? 'no place coded' : 'no place the gazetteer knows is named',
    unknown.length ? `unknown names: ${unknown.join(', ')}` : '',
    unbacked.length ? `known names no clue backs: ${unbacked.join(', ')}` : '',
    demonyms.length ? `demonyms only (${[...new Set(demonyms)].join(', ')}), not a place` : '',
  ].filter(Boolean);
  return { place: null, evidence: [], reason: reason.join('; ') };
}


/** "in the Somali capital", "in the capital", "the capital's X area": the capital of the country the report is about. */
function capitalPlace(text: string, clues: CountryClue[], clue: CountryClue | undefined): Omit<Resolution, 'scored'> | null {
  const phrase = CAPITAL.exec(text);
  if (!phrase) return null;
  const span = { start: phrase.index, end: phrase.index + phrase[0].length };
  const capitalClue = clues.find((c) => c.start >= span.start && c.end <= span.end) ?? clue;
  const capital = capitalClue ? capitalOf(capitalClue.code) : null;
  if (!capitalClue || !capital) return null;
  const place = placeAt(capital, 1);
  const note = `"${phrase[0]}" in a report about ${place.country} ("${capitalClue.text}"): its capital, ${describeEntry(capital)}`;
  return { place, evidence: [evidenceAt(text, span, 'CapitalMention', note)], reason: note };
}

/**
 * Terms used in one region of the country only ("TNLA" is Shan State), or a region named inside an
 * organisation's name ("Karnataka Rajya Raitha Sangha"), give that region, precision 3.
 */
function regionPlace(text: string, clues: CountryClue[], code: string): Omit<Resolution, 'scored'> | null {
  const regional = clues.filter((c) => c.regions?.[0]?.countryCode === code);
  const keys = new Set(regional.flatMap((c) => (c.regions ?? []).map(regionKey)));
  const [first] = regional;
  const region = first?.regions?.[0];
  if (!first || !region || keys.size !== 1) return null;
  const how = first.rule === 'CountryTermClue' ? `"${first.text}" is used in ${describeEntry(region)} only` : `"${first.text}" names ${describeEntry(region)} inside a longer name`;
  const note = `no town or region the gazetteer knows; ${how}: geo precision 3`;
  return { place: placeAt(region, 3), evidence: [evidenceAt(text, first, first.rule === 'CountryTermClue' ? 'RegionTermClue' : 'RegionInNameClue', note)], reason: note };
}

/**
 * The country the clues point to is also the only country where a name the report uses is found
 * ("Forest College, Mettupalayam" in a report about India): that name is the place, though no
 * locative word introduced it.
 */
function oneCountryPlace(text: string, mentions: FoundMention[], clues: CountryClue[], code: string, inFocus: (span: Span) => boolean, scored: Map<FoundMention, ScoredCandidate[]>): Omit<Resolution, 'scored'> | null {
  const named = clues.filter((c) => c.rule === 'OneCountryNameClue' && c.code === code);
  const placeOf = (c: CountryClue) => {
    const mention = mentions.find((m) => m.start === c.start && m.kind === 'place');
    // The last word of a longer name ("Abdul Aziz") is not a place named.
    if (!mention || CLOSES_LONGER_NAME.test(text.slice(Math.max(0, mention.start - 30), mention.start))) return null;
    const winner = scored.get(mention)?.find((s) => s.entry.countryCode === code && s.match !== 'spelling');
    return winner && winner.entry.latitude !== null && !isNamesakeOffFront(winner) ? { mention, winner } : null;
  };
  const found = named.filter(inFocus).map(placeOf).find(Boolean) ?? named.map(placeOf).find(Boolean);
  if (!found) return null;
  const { mention, winner } = found;
  const precision = precisionOf({ mention, heldPlace: null, namedPart: null }, winner.entry);
  const note = `"${mention.name}" is known in ${countryName(code)} only, the country the report points to: ${describeEntry(winner.entry)}, geo precision ${precision}`;
  return { place: placeAt(winner.entry, precision), evidence: [evidenceAt(text, mention, 'OneCountryNameMention', note)], reason: note };
}

/** A capitalised word right before a name, in the same run of words. */
const CLOSES_LONGER_NAME = /\p{Lu}[\p{L}\p{M}'’-]*\s+$/u;

/**
 * Only the country is known: its name, with no coordinates (never its centre posing as a town);
 * `weighed`: the clues weighed against each other; `unbacked`: known names not coded, for the reason.
 */
function countryPlace(text: string, clue: CountryClue, named: boolean, weighed: CountryClue[], unbacked: string[]): Omit<Resolution, 'scored'> {
  const country = countryName(clue.code);
  const place: Place = { name: country ?? clue.text, admin1: null, country, latitude: null, longitude: null, geoPrecision: 3, sites: [], geonameId: null };
  const others = [...new Set(weighed.filter((c) => c.code !== clue.code).map((c) => `"${c.text}"`))];
  const how = named
    ? `only the country ${country} is named`
    : others.length
      ? `clues to ${country} ("${clue.text}") outweigh those to other countries (${others.join(', ')}; demonyms of forces weigh half)`
      : `only clues to one country ("${clue.text}"): ${country}`;
  const none = unbacked.length ? `no place coded (known names no clue backs: ${unbacked.join(', ')})` : 'no town or region the gazetteer knows';
  return { place, evidence: [evidenceAt(text, clue, clue.rule, `${how}; coordinates left empty`)], reason: `${none}; ${how}` };
}

export function resolve(text: string, mentions: FoundMention[], clues: CountryClue[], focus: Span[] | undefined, elsewhere: Span[] = []): Resolution {
  const scored = scoreAll(text, mentions, clues);
  const winners = new Map([...scored].map(([mention, list]) => [mention, list[0] as ScoredCandidate]));
  const inFocus = (m: Span) => !focus?.length || inside(m, focus);
  // "The capital's Hazaribagh area" in a report about Bangladesh is part of its capital, not the namesake in a country the clues contradict.
  const partOfCapital = (m: FoundMention) => CAPITAL_POSSESSIVE.test(text.slice(Math.max(0, m.start - 12), m.start)) && winners.get(m)?.cluesElsewhere === true;
  const places = mentions.filter((m) => m.kind !== 'site' && !partOfCapital(m));
  const sites = mentions.filter((m) => m.kind === 'site');
  let choice = chooseMention(text, places.filter(inFocus), sites, scored);
  let fromOutsideFocus = false;
  if (!choice && focus?.length) {
    choice = chooseMention(text, places.filter((m) => !inside(m, elsewhere)), sites, scored);
    fromOutsideFocus = choice !== null;
  }

  if (!choice) return { ...placeFromClues(text, mentions, clues, inFocus, scored), scored };

  const chosen = choice.mention;
  const list = scored.get(chosen) as ScoredCandidate[];
  const winner = list[0] as ScoredCandidate;
  const { entry } = winner;
  const precision = precisionOf(choice, entry);
  const placeSites = sitesOf(winner, text, mentions, winners, inFocus);
  const place = placeAt(entry, precision, placeSites.map((s) => s.text));
  const context = withPartnerRegions(buildContext(clues, winners, chosen), heldPairs(text, mentions).get(chosen));
  const clue = disambiguationEvidence(text, chosen, list, context);
  const evidence: Evidence[] = [
    evidenceAt(text, chosen, chosen.rule, `"${chosen.name}" is ${describeEntry(entry)}, matched by ${winner.match}`),
    clue,
    evidenceAt(text, choice.heldPlace ?? chosen, 'GeoPrecisionRule', precisionNote(choice, entry, precision)),
    ...placeSites.map((s) => evidenceAt(text, s, 'SiteMention', `a site in ${entry.name}`)),
  ];
  const reason = [
    `"${chosen.text}" (${chosen.rule}) is ${describeEntry(entry)}`,
    `${clue.rule}: ${clue.note}`,
    `precision ${precision}`,
    choice.heldNamesake ? `HeldByOuterPlace: "${choice.heldPlace?.text}" is held by it; the gazetteer's place of that name lies outside it` : '',
    fromOutsideFocus ? 'no place is named in the focus sentences: taken from elsewhere in the report' : '',
  ].filter(Boolean);
  return { place, evidence, reason: reason.join('; '), scored };
}
