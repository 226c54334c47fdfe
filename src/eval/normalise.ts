// Name normalisation for scoring, documented in README ("Evaluation"):
// actors: parenthesised parts dropped ("Military Forces of Syria (2000-)" -> "military forces
// of syria"), case, punctuation and diacritics ignored; places: the geocoder's spelling-blind
// key (data/geocode/normalize.rules: articles, diacritics, transliteration pairs, a trailing -h),
// after unit words such as "province" or "governorate" are dropped, so "Ar-Raqqa" = "Ar Raqqah";
// first-level regions also by the gazetteer region they name, so "Idleb" = "Idlib" and the former
// "Federally Administered Tribal Areas" = "Khyber Pakhtunkhwa" (data/geocode/regions.tsv); and
// regions replaced by a reform by the current ones that cover them (data/eval/former-regions.txt);
// countries by any of their names in data/geocode/countries.tsv ("DR Congo" = "Democratic Republic of Congo").
import { countryTable } from '../geocode/countries.js';
import { findByName } from '../geocode/gazetteer.js';
import { soundKey, stripUnitWords } from '../geocode/normalize.js';
import { dataRows } from '../util/data-file.js';

export function normaliseActor(name: string | null | undefined): string {
  return (name ?? '')
    .replace(/\([^)]*\)/g, ' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function normalisePlace(name: string | null | undefined): string {
  return name ? soundKey(stripUnitWords(name)) : '';
}

/** Vigil's names of each UCDP dyad name (data/eval/ucdp-actors.txt), normalised. */
const ucdpActors = new Map(dataRows('eval/ucdp-actors.txt', 'pipe').map(([ucdp, ...ours]) => [normaliseActor(ucdp), new Set(ours.map(normaliseActor))]));

/**
 * Whether Vigil's actor is the actor a UCDP dyad name names: the same name, a name listed for it,
 * or, for "Government of X", any state force of X ("Military Forces of Myanmar (2021-)").
 */
export function sameUcdpActor(gold: string, ours: string): boolean {
  const g = normaliseActor(gold);
  const o = normaliseActor(ours);
  if (g === o || ucdpActors.get(g)?.has(o)) return true;
  const government = /^government of (?:the )?(.+)$/.exec(g);
  const force = /^(?:military|police) forces of (?:the )?(.+)$/.exec(o);
  return Boolean(government && force && (force[1] === government[1] || force[1]!.startsWith(`${government[1]} `)));
}

/** Former regions (data/eval/former-regions.txt): "Nepal|central" -> the current regions' keys. */
const formerRegions = new Map(
  dataRows('eval/former-regions.txt', 'pipe').map(([country, former, current]) => [
    `${country}|${normalisePlace(former)}`,
    new Set((current ?? '').split(/\s*,\s*/).map(normalisePlace)),
  ]),
);

/**
 * Whether two first-level region names name the same region: by spelling, through the gazetteer's
 * region names, or as a current region inside the gold's former one (given the gold country).
 */
export function sameAdmin1(ours: string | null | undefined, gold: string | null | undefined, goldCountry?: string | null): boolean {
  if (!ours || !gold) return false;
  if (normalisePlace(ours) === normalisePlace(gold)) return true;
  if (formerRegions.get(`${goldCountry}|${normalisePlace(gold)}`)?.has(normalisePlace(ours))) return true;
  const regions = (name: string) => new Set(findByName(name).filter((h) => h.entry.kind === 'admin1').map((h) => `${h.entry.countryCode}.${h.entry.admin1Code}`));
  const goldRegions = regions(gold);
  return [...regions(ours)].some((key) => goldRegions.has(key));
}

/** Country codes by every name of the country (data/geocode/countries.tsv), by spelling-blind key. */
let countryCodes: Map<string, string> | null = null;

/** Whether two country names name the same country: by spelling, or as names of one country. */
export function sameCountry(ours: string | null | undefined, gold: string | null | undefined): boolean {
  if (!ours || !gold) return false;
  if (normalisePlace(ours) === normalisePlace(gold)) return true;
  countryCodes ??= new Map([...countryTable().values()].flatMap((c) => c.names.map((name) => [normalisePlace(name), c.code] as [string, string])));
  const code = countryCodes.get(normalisePlace(gold));
  return code !== undefined && countryCodes.get(normalisePlace(ours)) === code;
}
