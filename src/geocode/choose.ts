// Choosing: which mention locates the incident, whether its winner is sure enough to be coded, and
// with which ACLED geo precision (1 the town itself, 2 near it or a district, 3 only the province).
import type { GeoPrecision } from '../types.js';
import type { EntryKind, GazetteerEntry } from './gazetteer.js';
import type { FoundMention } from './mentions.js';
import { soundKey } from './normalize.js';
import { ENDS_WITH_PART_NOUN, HELD_BY, LIST_GOES_ON, OF, PART_NOUN_OF, POSSESSED_PART } from './phrases.js';
import { distanceKm, isOwnName, isPlacedByOthers, isStrong, margin, type ScoredCandidate } from './score.js';
import { nearbyPoints, PLACED_BY_OTHERS_POINTS, WEIGHTS } from './weights.js';

/** A region or district, a town of 100,000 people or more, or a place the other places named confirm. */
function isLargeOrPlaced(winner: ScoredCandidate): boolean {
  return winner.entry.kind !== 'town' || winner.entry.population >= WEIGHTS.largeTownPopulation || isPlacedByOthers(winner);
}

/**
 * A winner backed by a clue: a region or a place named nearby; or, for a whole name that no country
 * clue contradicts, its country named or its size (a region, or a large town).
 */
export function isSupported(mention: FoundMention, winner: ScoredCandidate): boolean {
  const { entry, parts } = winner;
  if (isPlacedByOthers(winner)) return true;
  if (mention.partial) return false;
  // Another name or a spelling of a place in a country no clue points to, when clues point elsewhere ("Marabo" is Malabo's).
  if (!isOwnName(winner) && winner.anyCluesElsewhere) return false;
  // A loose spelling ("Tirah" for Tehran) needs a clue to its country: size does not vouch for it.
  if (winner.match === 'spelling' && parts.name < WEIGHTS.closeName) return parts.country > 0;
  // Without a locative word, size vouches only for a place's own name: "Liga" is one of Riga's other names.
  // (A town whose region bears exactly the name written is named by it: "Taizz" for Taiz.)
  if (!isStrong(mention) && !isOwnName(winner) && !winner.namesRegion && parts.country <= 0) return false;
  // A large town or region named exactly after a locative word stands even in a report about another country.
  if (parts.country < 0) return entry.population >= WEIGHTS.largeTownPopulation && isStrong(mention) && isOwnName(winner);
  // Without a locative word, a small place in a country no clue points to, when countries named or terms point
  // elsewhere ('CORD protesters in "Nyanza region"': Kenya's, not Rwanda's district), is a namesake; not one
  // called a town outright ("the coastal town of Kwale").
  if (!mention.locative && mention.wants !== 'town' && winner.cluesElsewhere && parts.country === 0 && entry.population < WEIGHTS.largeTownPopulation) return false;
  return parts.country > 0 || entry.kind !== 'town' || entry.population >= WEIGHTS.largeTownPopulation || winner.namesRegion;
}

/** "The OSCE SMM observed shelling near Vodiane": a village of the name in another region of the country than the front line is a namesake. */
export function isNamesakeOffFront(winner: ScoredCandidate): boolean {
  return winner.outsideTermRegions && winner.entry.kind === 'town' && winner.entry.population < WEIGHTS.largeTownPopulation && winner.parts.nearby < PLACED_BY_OTHERS_POINTS;
}

/**
 * Worth coding: backed by a clue, or a close name after a locative word that no clue contradicts
 * (a village of the name abroad is not coded when every clue points to other countries).
 */
export function isCodable(mention: FoundMention, winner: ScoredCandidate | undefined): winner is ScoredCandidate {
  if (!winner || winner.entry.kind === 'country') return false;
  if (isNamesakeOffFront(winner)) return false;
  if (winner.entry.village) return isVillageBacked(mention, winner);
  return isSupported(mention, winner) || (isStrong(mention) && winner.parts.name >= WEIGHTS.closeName && winner.parts.country >= 0 && !winner.cluesElsewhere && !(!isOwnName(winner) && winner.anyCluesElsewhere));
}

/**
 * A village is one of 1.2 million, and every country has its "Al Karama": it is coded only when the
 * report's clues back it rather than its namesakes. No other place bears its name, and no clue points
 * elsewhere, and it is written as the village's name or very nearly ("shelling of Dolomytne"; a short
 * name one letter off names some village somewhere); or its region or a place near it is named, and it
 * leads its namesakes elsewhere (a tie is a guess). Named without a locative word, another place
 * must be named within the nearest band (WEIGHTS.nearby): a capitalised word that names a village
 * is most often something else ("Jubo League"). Otherwise the coarser, surer answer stands: the
 * district or region named, or the country, with the precision that says so.
 */
function isVillageBacked(mention: FoundMention, winner: ScoredCandidate): boolean {
  const leads = winner.lead > 0;
  if (!isStrong(mention)) return leads && winner.parts.nearby >= nearbyPoints(0);
  if (isPlacedByOthers(winner)) return leads;
  if (winner.anyCluesElsewhere || winner.cluesElsewhere || winner.parts.country < 0) return false;
  return winner.lead === Infinity && (winner.match !== 'spelling' || winner.parts.name >= WEIGHTS.spelling * WEIGHTS.uniqueVillageLikeness);
}

/** Whether `inner` lies in the region of `outer` (its admin1, and its admin2 when `outer` is a district). */
export function isInside(inner: GazetteerEntry, outer: GazetteerEntry): boolean {
  if (inner.countryCode !== outer.countryCode || inner.admin1Code !== outer.admin1Code) return false;
  // A part of a town lies near it ("Karachi's Lyari area" is not the Layari 200 km away).
  if (outer.kind === 'town') return distanceKm(inner, outer) <= WEIGHTS.heldWithinKm;
  return outer.kind !== 'admin2' || inner.admin2Code === outer.admin2Code;
}

/** "Lekki area of Lagos": `part` is a part of the town `town` names (the part noun may be the mention's descriptor). */
function isPartOf(text: string, part: FoundMention, town: FoundMention): boolean {
  const between = text.slice(part.end, town.start);
  return town.start > part.end && (PART_NOUN_OF.test(between) || (ENDS_WITH_PART_NOUN.test(part.text) && OF.test(between)));
}

/**
 * Some reading of `outer` holds `entry`: a region or district (or its town) whose region it lies in,
 * or a town near it. A village, one of many namesakes in a region, must lie in the province named,
 * or near the district or town named ("Shikarpur under Wazirpur upazila": a Shikarpur far from
 * Wazirpur is a namesake).
 */
function holds(outer: FoundMention, candidates: ScoredCandidate[], entry: GazetteerEntry): boolean {
  // A town read for a district or region named ("Katwa in Burdwan district") stands for it.
  const namesUnit = outer.wants === 'district' || outer.wants === 'region';
  const sameRegion = (c: ScoredCandidate) => c.entry.countryCode === entry.countryCode && c.entry.admin1Code === entry.admin1Code;
  const near = (c: ScoredCandidate) => distanceKm(entry, c.entry) <= WEIGHTS.heldWithinKm;
  if (entry.village) return candidates.some((c) => (c.entry.kind === 'admin1' || outer.wants === 'region' ? sameRegion(c) : near(c) || (c.entry.kind === 'admin2' && isInside(entry, c.entry))));
  return candidates.some((c) => (c.entry.kind === 'town' && !namesUnit ? near(c) : sameRegion(c)));
}

/** Towns sit inside districts, districts inside regions. */
const RANK: Record<EntryKind, number> = { town: 0, admin2: 1, admin1: 2, country: 3 };

/**
 * The larger place named right after `inner` as holding it ("X, Y", "X (Y", "X in Y district", "X of Y"),
 * when no reading of the larger place holds the best candidate of `inner`: that one is a namesake. A
 * town holds only a name with namesakes ("Santo Nino, Plaridel, Bulacan", not "Loralai, Zhob,
 * Balochistan"), and only when a name after it holds it in turn; a list ("Assiut, Alexandria, and
 * Suez", "Srinagar, Sopore, Baramulla") holds nothing.
 */
function outerPlace(text: string, inner: FoundMention, mentions: FoundMention[], usable: FoundMention[], scored: Map<FoundMention, ScoredCandidate[]>, winnerOf: (m: FoundMention) => ScoredCandidate): { outer: FoundMention; namesake: boolean } | null {
  const after = (m: FoundMention) => mentions.find((o) => o.start >= m.end && o.kind !== 'site');
  const heldBy = (m: FoundMention) => {
    const next = after(m);
    return next && usable.includes(next) && HELD_BY.test(text.slice(m.end, next.start)) && !LIST_GOES_ON.test(text.slice(next.end)) ? next : null;
  };
  const candidates = (m: FoundMention) => scored.get(m) as ScoredCandidate[];
  const outer = heldBy(inner);
  if (!outer) return null;
  const innerEntry = winnerOf(inner).entry;
  const outerEntry = winnerOf(outer).entry;
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

export interface Choice {
  mention: FoundMention;
  /** A place named just before it that the gazetteer could not place: the event is inside or near the chosen one. */
  heldPlace: FoundMention | null;
  /** The held place's own best candidate lies outside the chosen one: a namesake (HeldByOuterPlace). */
  heldNamesake?: ScoredCandidate;
  /** A part of it named after a possessive ("Karachi's Lyari area"): the event is in that part. */
  namedPart: string | null;
}


/**
 * Each mention's reading: its best candidate; but when that is a village the report does not back,
 * its best town or unit that can be coded and that no country named or term contradicts
 * ("Peshawar": the city, though an Afghan clue lifts the village "Peshawur" in Nuristan above it;
 * not the Indian Kashipur when "upazila" says Bangladesh).
 */
export function chooseWinners(scored: Map<FoundMention, ScoredCandidate[]>): Map<FoundMention, ScoredCandidate> {
  const winners = new Map<FoundMention, ScoredCandidate>();
  for (const [mention, list] of scored) {
    const [best] = list;
    if (!best) continue;
    const others = list.filter((c) => !c.entry.village);
    const town = best.entry.village && !isCodable(mention, best) ? others[0] : undefined;
    if (town) town.lead = margin(others);
    winners.set(mention, town && isBackedTown(mention, town) ? town : best);
  }
  return winners;
}

/** A town in place of a village no clue backs: one named by one of its names (not a mere spelling) that the clues back, or a large one named by its own name. */
function isBackedTown(mention: FoundMention, town: ScoredCandidate): boolean {
  if (!isCodable(mention, town) || town.cluesElsewhere || town.match === 'spelling') return false;
  return town.parts.country > 0 || isPlacedByOthers(town) || town.entry.kind !== 'town' || (town.entry.population >= WEIGHTS.largeTownPopulation && isOwnName(town));
}

/** The mention that locates the incident: the first sure one, or a place named inside the region it names. */
export function chooseMention(text: string, mentions: FoundMention[], sites: FoundMention[], scored: Map<FoundMention, ScoredCandidate[]>, winners: Map<FoundMention, ScoredCandidate>): Choice | null {
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
  // A village the report backs, lying in the district or by the town named as holding it, is itself the place ("Laman area of Qala I Naw district").
  const villageHeld = holder && winnerOf(first).entry.village && holds(holder, [winnerOf(holder)], winnerOf(first).entry);
  if (holder && !villageHeld) return { mention: holder, heldPlace: null, namedPart: first.name };
  const firstEntry = winnerOf(first).entry;
  const moreSpecific = usable.find((m) => {
    const entry = winnerOf(m).entry;
    // A district without coordinates is no more precise than its region.
    if (m === first || !isInside(entry, firstEntry) || entry.latitude === null) return false;
    return firstEntry.kind === 'admin1' ? entry.kind === 'town' || entry.kind === 'admin2' : firstEntry.kind === 'admin2' && entry.kind === 'town';
  });
  const inner = firstEntry.kind === 'town' ? first : (moreSpecific ?? first);
  // "Shahpur sector (Poonch district": a namesake of the smaller place lying outside the larger one is not it.
  const held = outerPlace(text, inner, mentions, usable, scored, winnerOf);
  if (held) return { mention: held.outer, heldPlace: inner, heldNamesake: held.namesake ? winnerOf(inner) : undefined, namedPart: null };
  const mention = inner;
  const before = mentions.filter((m) => m.end <= mention.start && m.kind !== 'site').pop();
  const namesCountry = (m: FoundMention) => m.hits.some((h) => h.entry.kind === 'country' && h.match !== 'spelling');
  const beforeWinner = before && winners.get(before);
  // Its reading lies outside the place chosen ("Barangay Tuburan, Tulunan": the Tuburan 290 km away): a namesake.
  const namesake = beforeWinner && isCodable(before, beforeWinner) && !holds(mention, [winnerOf(mention)], beforeWinner.entry) ? beforeWinner : undefined;
  const isHeld = before && (namesake || !isCodable(before, beforeWinner)) && !namesCountry(before) && HELD_BY.test(text.slice(before.end, mention.start));
  const heldPlace = isHeld ? before : null;
  const part = POSSESSED_PART.exec(text.slice(mention.end))?.[1] ?? null;
  const partStart = part === null ? -1 : mention.end + text.slice(mention.end).indexOf(part);
  // "Songkhla's Thepha district": the part, when the gazetteer places it there, is the place.
  const partMention = usable.find((m) => m.start === partStart && isInside(winnerOf(m).entry, winnerOf(mention).entry));
  if (partMention) return { mention: partMention, heldPlace: null, namedPart: null };
  const partIsSite = sites.some((site) => site.start === partStart);
  return { mention, heldPlace, heldNamesake: isHeld ? namesake : undefined, namedPart: partIsSite ? null : part };
}

export function precisionOf({ mention, heldPlace, namedPart }: Choice, entry: GazetteerEntry): GeoPrecision {
  if (entry.kind === 'town') return mention.modifier || heldPlace || namedPart ? 2 : 1;
  if (entry.kind === 'admin2') return 2;
  return mention.modifier ? 2 : 3;
}

/**
 * Sites belong to the chosen place when the place mention that owns them is that place: the nearest
 * one in the same sentence ("al-Hani mosque in Raqqa"), else the nearest one before them.
 */
export function sitesOf(chosen: ScoredCandidate, text: string, mentions: FoundMention[], winners: Map<FoundMention, ScoredCandidate>, eligible: (m: FoundMention) => boolean): FoundMention[] {
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
    return owner !== undefined && distanceKm((winners.get(owner) as ScoredCandidate).entry, chosen.entry) < WEIGHTS.samePlaceKm;
  });
}
