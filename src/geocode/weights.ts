// Every number the geocoder scores candidates and chooses places with, in one table. A candidate's
// score is the sum of its parts (score.ts): name + population + kind + country + region + nearby;
// the thresholds below decide which winners are coded and how surely (choose.ts).
import type { EntryKind } from './index-format.js';
import type { CountryClue } from './clues.js';
import type { Wanted } from './normalize.js';

export const WEIGHTS = {
  // --- name: how the name written meets the entry's names ---
  /** The entry's own name, written exactly (after the plain key: case, diacritics, punctuation). */
  ownName: 3,
  /** One of the entry's other names, written exactly. */
  otherName: 2.7,
  /** Only a spelling that folds to the same sound key: this times its likeness to the nearest name. */
  spelling: 2.5,
  /** The likeness (1 - edit distance / length) counted for a spelling is kept within these bounds. */
  spellingLikeness: { min: 0.3, max: 0.9 },
  /** Taken from a spelling when another place is known by exactly the name written ("Wana", not Varna). */
  spellingBehindName: 1.5,
  /** Name points from which a spelling is close (four letters in five alike): "Jaccobabad" is, "Tirah" for Tehran is not. */
  closeName: 2,
  /** The likeness a spelling needs to name a village no clue backs: one letter off in a long name ("Dolomytne"), not in a short one ("Orangi", Urangi). */
  uniqueVillageLikeness: 0.85,

  // --- population: log10(population + 1) / populationDivisor ---
  populationDivisor: 2,
  /** Places listed without a population count as this many people (a small village). */
  unknownPopulation: 500,

  // --- kind: the kind of entry the mention's descriptor asks for, or the usual reading when none ---
  kinds: {
    region: { admin1: 2.5, admin2: 1.5, town: -1, country: -1 },
    district: { admin2: 2.5, admin1: 1, town: 0, country: -1 },
    town: { town: 1.5, admin1: -1, admin2: -1, country: -1 },
    none: { town: 0.5, country: 2, admin1: 0, admin2: -0.5 },
  } satisfies Record<Wanted | 'none', Record<EntryKind, number>>,
  /** GeoNames feature codes: capitals weigh more; sections of towns and abandoned or historical places less. */
  features: { PPLC: 1, PPLA: 0.6, PPLA2: 0.3, PPLX: -0.7, PPLH: -2, PPLQ: -2, PPLW: -2 } as Record<string, number>,

  // --- country: the clues of the report to the candidate's country ---
  /** Weight of each kind of clue: a country named outright says more than a demonym or a country inside an organisation's name. */
  clues: { CountryNameClue: 2, CountryAcronymClue: 1, DemonymClue: 1, OrganisationCountryClue: 1, CountryTermClue: 1, OneCountryNameClue: 0.5 } satisfies Record<CountryClue['rule'], number>,
  /** Weight, as a clue to its country, of another place the report names: surely named, named, or opening a sentence or part of a longer name. */
  placeClue: { sure: 1, named: 0.5, weak: 0.3 },
  /** Points per unit of clue weight to the candidate's country, counting up to countryCap units. */
  countryPerClue: 1.5,
  countryCap: 3,
  /** Points when firm clues (countries named, places surely named) of at least firmClues weight point elsewhere only. */
  countryElsewhere: -1.5,
  firmClues: 1,

  // --- region and nearby places ---
  /** The report places something in the candidate's region (a place named there, a region-only term). */
  region: 2.5,
  /** Another place the report names lies within this distance (the nearest band counts). */
  nearby: [
    { withinKm: 25, points: 2.5 },
    { withinKm: 75, points: 1.8 },
    { withinKm: 200, points: 1 },
  ],
  /** A candidate whose region is named, or with another place named within this band, is placed by the others. */
  placedByOthersKm: 75,
  /** A village named elsewhere in the report counts as nearby only this close (village names collide). */
  villageNearbyKm: 25,

  // --- choosing ---
  /** Two candidates this close are one place: a rival must lie farther. */
  samePlaceKm: 25,
  /** Score points by which a place must lead its namesakes elsewhere to be clearly the one meant. */
  clearLead: 1,
  /** Without a locative word or a clue, only a region or a town this large is coded. */
  largeTownPopulation: 100_000,
  /** A place held by a town ("Santo Nino, Plaridel") lies within this distance of it. */
  heldWithinKm: 50,
} as const;

/** Nearby points for another place `km` away. */
export function nearbyPoints(km: number): number {
  return WEIGHTS.nearby.find((band) => km < band.withinKm)?.points ?? 0;
}

/** The nearby points from which a candidate is placed by the other places named. */
export const PLACED_BY_OTHERS_POINTS = nearbyPoints(WEIGHTS.placedByOthersKm - 1);
