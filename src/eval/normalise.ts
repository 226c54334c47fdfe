// Name normalisation for scoring, documented in README ("Evaluation"):
// actors: parenthesised parts dropped ("Military Forces of Syria (2000-)" -> "military forces
// of syria"), case, punctuation and diacritics ignored; places: the geocoder's spelling-blind
// key (data/geocode/normalize.rules: articles, diacritics, transliteration pairs, a trailing -h),
// after unit words such as "province" or "governorate" are dropped, so "Ar-Raqqa" = "Ar Raqqah";
// first-level regions also by the gazetteer region they name, so "Idleb" = "Idlib" and the former
// "Federally Administered Tribal Areas" = "Khyber Pakhtunkhwa" (data/geocode/regions.tsv).
import { findByName } from '../geocode/gazetteer.js';
import { soundKey, stripUnitWords } from '../geocode/normalize.js';

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

/** Whether two first-level region names name the same region: by spelling, or through the gazetteer's region names. */
export function sameAdmin1(ours: string | null | undefined, gold: string | null | undefined): boolean {
  if (!ours || !gold) return false;
  if (normalisePlace(ours) === normalisePlace(gold)) return true;
  const regions = (name: string) => new Set(findByName(name).filter((h) => h.entry.kind === 'admin1').map((h) => `${h.entry.countryCode}.${h.entry.admin1Code}`));
  const goldRegions = regions(gold);
  return [...regions(ours)].some((key) => goldRegions.has(key));
}
