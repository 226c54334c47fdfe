// Name normalisation for scoring, documented in README ("Evaluation"):
// actors: parenthesised parts dropped ("Military Forces of Syria (2000-)" -> "military forces
// of syria"), case, punctuation and diacritics ignored; places: the same, plus Arabic article
// prefixes (al-, ar-, as- ...) and the words "city", "district", "province", "governorate".

export function normaliseActor(name: string | null | undefined): string {
  return basic((name ?? '').replace(/\([^)]*\)/g, ' '));
}

export function normalisePlace(name: string | null | undefined): string {
  return basic(name ?? '')
    .replace(/\b(?:a[lnrstdz]|ash|adh|el) /g, '')
    .replace(/\b(?:city|district|province|governorate|town|village|region|state)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function basic(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
