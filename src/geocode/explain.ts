// Explaining: how a candidate, a choice and its precision are told in the evidence and the reason.
import type { Evidence, GeoPrecision, Place, Span } from '../types.js';
import type { Choice } from './choose.js';
import { admin1Name, countryName, type GazetteerEntry } from './gazetteer.js';
import { SEATLESS_DISTRICT } from './index-format.js';
import type { FoundMention } from './mentions.js';
import { distanceKm, regionKey, type Context, type ScoreParts, type ScoredCandidate } from './score.js';
import { WEIGHTS } from './weights.js';

export function describeEntry(entry: GazetteerEntry): string {
  const parts = [entry.name, entry.kind === 'admin1' ? null : admin1Name(entry), countryName(entry.countryCode)].filter(Boolean);
  return `${parts.join(', ')} (${entry.village ? 'village' : entry.kind}${entry.geonameId ? `, GeoNames ${entry.geonameId}` : ''})`;
}

export function evidenceAt(text: string, span: Span, rule: string, note: string): Evidence {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end), rule, note };
}

/** Which clue separated the winner from its best rival elsewhere, as evidence. */
export function disambiguationEvidence(text: string, mention: FoundMention, list: ScoredCandidate[], context: Context): Evidence {
  const winner = list[0] as ScoredCandidate;
  const rival = list.find((c) => c !== winner && !(distanceKm(c.entry, winner.entry) < WEIGHTS.samePlaceKm));
  if (!rival) return evidenceAt(text, mention, 'UniqueNameMatch', `the gazetteer knows one place by this name: ${describeEntry(winner.entry)}`);
  // Chosen over villages that scored higher (see chooseWinners): no clue backs one of them.
  const village = list.find((c) => c.entry.village && c.score > winner.score);
  if (village) return evidenceAt(text, mention, 'UnbackedVillageDisambiguation', `no clue backs ${describeEntry(village.entry)} or another village of the name over its namesakes: the ${winner.entry.kind} of the name`);
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

export function precisionNote({ mention, heldPlace, heldNamesake, namedPart }: Choice, entry: GazetteerEntry, precision: GeoPrecision): string {
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

/** A gazetteer entry as the incident's place. */
export function placeAt(entry: GazetteerEntry, geoPrecision: GeoPrecision, sites: string[] = []): Place {
  const { latitude, longitude, geonameId } = entry;
  return { name: entry.name, admin1: admin1Name(entry), country: countryName(entry.countryCode), latitude, longitude, geoPrecision, sites, geonameId };
}
