// Name normalisation for scoring, documented in README ("Evaluation"):
// actors: parenthesised parts dropped ("Military Forces of Syria (2000-)" -> "military forces
// of syria"), case, punctuation and diacritics ignored; places: the geocoder's spelling-blind
// key (data/geocode/normalize.rules: articles, diacritics, transliteration pairs, a trailing -h),
// after unit words such as "province" or "governorate" are dropped, so "Ar-Raqqa" = "Ar Raqqah".
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
