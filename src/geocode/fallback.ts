// When no town or region named can be coded: the capital ("in the Somali capital"), a region that
// terms point to, a name known in one country only, or the country the clues point to, else nothing.
import type { Place, Span } from '../types.js';
import { precisionOf, isNamesakeOffFront } from './choose.js';
import { describeEntry, evidenceAt, placeAt } from './explain.js';
import { capitalOf, countryName, regionOf } from './gazetteer.js';
import type { CountryClue } from './clues.js';
import type { FoundMention } from './mentions.js';
import { CAPITAL, CLOSES_LONGER_NAME } from './phrases.js';
import type { Resolution } from './resolve.js';
import { isStrong, regionKey, type ScoredCandidate } from './score.js';
import { WEIGHTS } from './weights.js';

/** Forces often fight abroad ("Indian Border Security Force" shooting into Bangladesh): their demonym weighs half. */
function clueWeight(clue: CountryClue): number {
  return clue.forces ? WEIGHTS.clues[clue.rule] / 2 : WEIGHTS.clues[clue.rule];
}

/**
 * A place named after a locative word that no clue could settle ("in Logobou", "near Sulayman Bak"),
 * every place bearing its name lying in one country: a surer clue to the country than the demonyms
 * of forces. Places merely spelled alike do not count.
 */
function namedInOneCountry(mentions: FoundMention[], inFocus: (span: Span) => boolean): CountryClue | undefined {
  const countryOf = (mention: FoundMention) => {
    const named = mention.hits.filter((h) => h.match !== 'spelling');
    const codes = new Set(named.map((h) => h.entry.countryCode));
    return named.length && codes.size === 1 && !named.some((h) => h.entry.kind === 'country') ? [...codes][0] : undefined;
  };
  const strong = mentions.filter((m) => m.kind === 'place' && isStrong(m) && countryOf(m));
  const mention = strong.find(inFocus) ?? strong[0];
  const code = mention && countryOf(mention);
  return mention && code ? { code, text: mention.name, start: mention.start, end: mention.end, rule: 'OneCountryNameClue' } : undefined;
}

/** The first clue to the country whose clues outweigh all the others' together, if one does. */
function dominantClue(clues: CountryClue[]): CountryClue | undefined {
  const weights = new Map<string, number>();
  for (const clue of clues) weights.set(clue.code, (weights.get(clue.code) ?? 0) + clueWeight(clue));
  const total = [...weights.values()].reduce((sum, w) => sum + w, 0);
  const [code, weight] = [...weights].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return weight > total - weight ? clues.find((c) => c.code === code) : undefined;
}


/**
 * No town or region named: the capital ("in the Somali capital"), the region or the country the
 * report's clues point to, else nothing, and why.
 */
export function placeFromClues(text: string, mentions: FoundMention[], clues: CountryClue[], inFocus: (span: Span) => boolean, scored: Map<FoundMention, ScoredCandidate[]>): Omit<Resolution, 'scored'> {
  const countryClue = clues.find((c) => c.rule === 'CountryNameClue' && inFocus(c)) ?? clues.find((c) => c.rule === 'CountryNameClue');
  // Without a place or a country name, clues that point mostly to one country ("Pakistani troops ... TTP") still give the country.
  // Names found in one country only are weak: they count when the report has no other clue.
  const termClues = clues.filter((c) => c.rule !== 'OneCountryNameClue');
  const weighed = termClues.length ? termClues : clues;
  // A place named in one country only outweighs the demonyms of forces, which often fight abroad ("Indian Border Security Force ...
  // border villages in Harpal"), not other clues ("Turkish police raided houses near Kobani"; "upazila").
  const dominant = dominantClue(weighed);
  const placeClue = countryClue || (dominant && !weighed.every((c) => c.forces)) ? undefined : namedInOneCountry(mentions, inFocus);
  const clue = countryClue ?? placeClue ?? dominant;
  const capital = capitalPlace(text, clues, clue);
  if (capital) return capital;
  // Names the gazetteer knows whose best reading no clue backs ("Geo": Gao, Mali, by a loose spelling).
  const unbacked = [...scored]
    .filter(([m, list]) => m.kind === 'place' && !m.partial && list[0] && list[0].entry.kind !== 'country')
    .map(([m, list]) => `"${m.text}" (${describeEntry((list[0] as ScoredCandidate).entry)}, by ${(list[0] as ScoredCandidate).match})`);
  const tied = tiedNamesakesRegion(text, mentions, scored, inFocus, clue?.code);
  if (tied) return tied;
  if (clue) return regionPlace(text, clues, clue.code) ?? oneCountryPlace(text, mentions, clues, clue.code, inFocus, scored) ?? countryPlace(text, clue, countryClue ? 'named' : placeClue ? 'place' : 'clues', weighed, unbacked);
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
 * A place named after a locative word whose namesakes no clue tells apart, the leading ones all in
 * one first-level region ("the OSCE SMM observed explosions near Vasylivka": five villages of the
 * name in Donetsk tie): that region, precision 3; in the country the clues point to, if any.
 */
function tiedNamesakesRegion(text: string, mentions: FoundMention[], scored: Map<FoundMention, ScoredCandidate[]>, inFocus: (span: Span) => boolean, code: string | undefined): Omit<Resolution, 'scored'> | null {
  const regionOfLeaders = (mention: FoundMention) => {
    const [best, ...others] = scored.get(mention) ?? [];
    if (!best || best.match === 'spelling' || best.entry.kind === 'country' || (code && best.entry.countryCode !== code)) return null;
    const leaders = [best, ...others.filter((c) => c.score > best.score - WEIGHTS.clearLead)];
    if (leaders.length < 2 || leaders.some((c) => regionKey(c.entry) !== regionKey(best.entry))) return null;
    return regionOf(best.entry);
  };
  const strong = mentions.filter((m) => m.kind === 'place' && isStrong(m));
  for (const mention of [...strong.filter(inFocus), ...strong.filter((m) => !inFocus(m))]) {
    const region = regionOfLeaders(mention);
    if (!region) continue;
    const note = `"${mention.text}" names several places in ${describeEntry(region)} that no clue tells apart: the region, geo precision 3`;
    return { place: placeAt(region, 3), evidence: [evidenceAt(text, mention, 'TiedNamesakesRegion', note)], reason: note };
  }
  return null;
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
    // Villages are too many for a name found in one country to vouch for one of them (see isVillageBacked).
    const winner = scored.get(mention)?.find((s) => s.entry.countryCode === code && s.match !== 'spelling' && !s.entry.village);
    return winner && winner.entry.latitude !== null && !isNamesakeOffFront(winner) ? { mention, winner } : null;
  };
  const found = named.filter(inFocus).map(placeOf).find(Boolean) ?? named.map(placeOf).find(Boolean);
  if (!found) return null;
  const { mention, winner } = found;
  const precision = precisionOf({ mention, heldPlace: null, namedPart: null }, winner.entry);
  const note = `"${mention.name}" is known in ${countryName(code)} only, the country the report points to: ${describeEntry(winner.entry)}, geo precision ${precision}`;
  return { place: placeAt(winner.entry, precision), evidence: [evidenceAt(text, mention, 'OneCountryNameMention', note)], reason: note };
}


/**
 * Only the country is known: its name, with no coordinates (never its centre posing as a town);
 * `by`: the country is named, or holds every place of a name written after a locative word, or the clues point to it; `weighed`: the clues weighed against each other; `unbacked`: known names not coded, for the reason.
 */
function countryPlace(text: string, clue: CountryClue, by: 'named' | 'place' | 'clues', weighed: CountryClue[], unbacked: string[]): Omit<Resolution, 'scored'> {
  const country = countryName(clue.code);
  const place: Place = { name: country ?? clue.text, admin1: null, country, latitude: null, longitude: null, geoPrecision: 3, sites: [], geonameId: null };
  const others = [...new Set(weighed.filter((c) => c.code !== clue.code).map((c) => `"${c.text}"`))];
  const how =
    by === 'named'
      ? `only the country ${country} is named`
      : by === 'place'
        ? `every place named "${clue.text}" lies in ${country}`
        : others.length
          ? `clues to ${country} ("${clue.text}") outweigh those to other countries (${others.join(', ')}; demonyms of forces weigh half)`
          : `only clues to one country ("${clue.text}"): ${country}`;
  const none = unbacked.length ? `no place coded (known names no clue backs: ${unbacked.join(', ')})` : 'no town or region the gazetteer knows';
  return { place, evidence: [evidenceAt(text, clue, clue.rule, `${how}; coordinates left empty`)], reason: `${none}; ${how}` };
}
