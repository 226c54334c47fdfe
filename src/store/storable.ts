// What PostgreSQL refuses in text and JSON: the NUL character, and UTF-16 halves that no UTF-8
// can carry (unpaired surrogates). Each becomes U+FFFD, one code unit for one, so evidence offsets
// into a text stay right. Reports are sanitised as they enter the pipeline; the store applies the
// same rule to every field it writes, the last guard before the database.

// eslint-disable-next-line no-control-regex -- NUL is exactly what is matched
const REFUSED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function storableText(text: string): string {
  return text.replace(REFUSED, '\uFFFD');
}

/** Every string field of a flat record made storable (other values untouched). */
export function storableRow<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'string' ? storableText(value) : value])) as T;
}

/** JSON for a jsonb column, with every string in it made storable. */
export function storableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? storableText(v) : v));
}
