// Name normalisation for scoring, documented in README ("Evaluation"):
// actors: parenthesised parts dropped ("Military Forces of Syria (2000-)" -> "military forces
// of syria"), case, punctuation and diacritics ignored; places: the geocoder's spelling-blind
// key (data/geocode/normalize.rules: articles, diacritics, transliteration pairs, a trailing -h),
// after unit words such as "province" or "governorate" are dropped, so "Ar-Raqqa" = "Ar Raqqah";
// first-level regions also by the gazetteer region they name, so "Idleb" = "Idlib" and the former
// "Federally Administered Tribal Areas" = "Khyber Pakhtunkhwa" (data/geocode/regions.tsv); and
// regions replaced by a reform by the current ones that cover them (data/eval/former-regions.txt).
import { readFileSync } from 'node:fs';
import { parseLexicon } from '../extract/lexicon.js';
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

/** Former regions (data/eval/former-regions.txt): "Nepal|central" -> the current regions' keys. */
const formerRegions = new Map(
  parseLexicon(readFileSync(new URL('../../data/eval/former-regions.txt', import.meta.url), 'utf8')).map(([country, former, current]) => [
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
