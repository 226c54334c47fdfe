// Derives data/gazetteer/localities.tsv.gz, the village-level gazetteer Vigil ships, from the
// Who's On First / GeoNames extract in ../shared/gazetteer/ (localities-XX.tsv.gz, one file a
// country). Run by the maintainer when that extract changes, never by `npm ci`:
//
//   npm run build && node dist/geocode/derive-localities.js ../shared/gazetteer
//
// It keeps what the geocoder needs and makes it small: names (Latin-script other names folded to
// their plain keys and deduplicated; Cyrillic names only where English reports transliterate them),
// coordinates to 3 decimals (about 100 m, less than a village's extent), country, admin1 code,
// admin2 name, population and feature code. Rows are sorted by country, region and district, which
// helps gzip.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { LOCALITIES_FILE } from './index-format.js';
import { plainKey } from './normalize.js';
import { isCyrillic, latinSpellings } from './transliterate.js';
import { dataFilePath } from '../util/data-file.js';
import { kilometres } from '../util/geo.js';

/** Countries whose Cyrillic names are kept: English reports spell their places after Russian or Ukrainian. */
const CYRILLIC_COUNTRIES = new Set(['UA', 'AZ', 'AM', 'GE']);
/** Other names longer than this are descriptions or mistakes of the source ("Список міст обласного значення"). */
const MAX_NAME_WORDS = 4;
const COLUMNS = ['geonameid', 'name', 'latitude', 'longitude', 'feature_code', 'country', 'admin1_code', 'admin2_name', 'population', 'other_names'];

const HEADER = `# Populated places (cities, towns, villages) of 59 conflict-affected countries, for Vigil's gazetteer.
# Derived by src/geocode/derive-localities.ts from the Who's On First / GeoNames extract of
# 1.19 million localities (whosonfirst-data-admin-XX repositories; see data/gazetteer/ATTRIBUTION.md).
# Place data from Who's On First (https://whosonfirst.org/docs/licenses/) and GeoNames
# (https://www.geonames.org/), licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).
#
# TAB-separated, one header line after these comments. Columns:
#   geonameid     GeoNames id, empty for the few rows WOF has from other sources
#   name          primary name (Latin script; Cyrillic-only names transliterated)
#   latitude, longitude   WGS84 degrees, 3 decimals (about 100 m)
#   feature_code  GeoNames feature code (PPL, PPLA2, PPLQ...), empty when unknown
#   country       ISO 3166-1 alpha-2 code
#   admin1_code   GeoNames admin1 code (joins GeoNames admin1 codes as COUNTRY.CODE)
#   admin2_name   WOF district name, empty when unknown
#   population    GeoNames population, empty when unknown
#   other_names   '|'-separated: Latin-script names as plain keys (lower case, no diacritics or
#                 punctuation), then Cyrillic names in lower case (Ukraine and the Caucasus only)
`;

interface Row {
  geonameId: string;
  name: string;
  lat: number;
  lon: number;
  featureCode: string;
  country: string;
  admin1Code: string;
  admin1Name: string;
  admin2Name: string;
  population: string;
  otherNames: string[];
}

const LATIN_NAME = /^[\p{Script=Latin}\p{M}\s\p{P}]+$/u;
const CYRILLIC_NAME = /^[\p{Script=Cyrillic}\p{M}\s'’-]+$/u;

function wordCount(name: string): number {
  return name.split(/\s+/).filter(Boolean).length;
}

/** A name fit to display: the primary name if Latin, else its transliteration, else its shortest Latin other name. */
function displayName(name: string, others: string[]): string | null {
  if (/\p{Script=Latin}/u.test(name)) return name;
  if (isCyrillic(name)) {
    const latin = latinSpellings(name)[0] ?? '';
    return latin.replace(/(^|[\s-])\p{L}/gu, (initial) => initial.toUpperCase());
  }
  return others.filter((n) => LATIN_NAME.test(n)).sort((a, b) => a.length - b.length)[0] ?? null;
}

/** Other names: Latin ones as plain keys, Cyrillic ones (where kept) lower-cased; the display name's own key left out. */
function otherNames(display: string, names: string[], country: string): string[] {
  const own = plainKey(display);
  const latin = new Set<string>();
  const cyrillic = new Set<string>();
  for (const name of names) {
    if (wordCount(name) > MAX_NAME_WORDS) continue;
    if (LATIN_NAME.test(name)) {
      const plain = plainKey(name);
      // GeoNames' codes and abbreviations ("MZR") are no names.
      if (plain.length >= 3 && name !== name.toUpperCase() && /^[a-z][a-z ]*$/.test(plain) && plain !== own) latin.add(plain);
    } else if (CYRILLIC_COUNTRIES.has(country) && CYRILLIC_NAME.test(name)) cyrillic.add(name.toLowerCase());
  }
  return [...latin, ...cyrillic];
}

function readCountryFile(path: string): Row[] {
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
  const header = (lines[0] ?? '').split('\t');
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${path}: no column "${name}"`);
    return index;
  };
  const at = Object.fromEntries(['geonameid', 'name', 'alternate_names', 'latitude', 'longitude', 'feature_code', 'country', 'admin1_code', 'admin1_name', 'admin2_name', 'population'].map((c) => [c, column(c)]));
  const rows: Row[] = [];
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const f = line.split('\t');
    const field = (name: string) => f[at[name] as number] ?? '';
    const names = field('alternate_names').split('|').filter(Boolean);
    const display = displayName(field('name'), names);
    const lat = Number(field('latitude'));
    const lon = Number(field('longitude'));
    if (!display || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    rows.push({
      geonameId: field('geonameid'),
      name: display,
      lat,
      lon,
      featureCode: field('feature_code'),
      country: field('country'),
      admin1Code: field('admin1_code'),
      admin1Name: field('admin1_name'),
      admin2Name: field('admin2_name'),
      population: field('population') === '0' ? '' : field('population'),
      otherNames: otherNames(display, display === field('name') ? names : [field('name'), ...names], field('country')),
    });
  }
  return rows;
}

/** Rows WOF took from other sources lack the admin1 code: the code most rows of their WOF region carry. */
function fillAdmin1Codes(rows: Row[]): void {
  const votes = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (!row.admin1Code || !row.admin1Name) continue;
    const key = `${row.country}|${row.admin1Name}`;
    const counts = votes.get(key) ?? votes.set(key, new Map()).get(key);
    counts?.set(row.admin1Code, (counts.get(row.admin1Code) ?? 0) + 1);
  }
  for (const row of rows) {
    if (row.admin1Code) continue;
    const counts = votes.get(`${row.country}|${row.admin1Name}`);
    row.admin1Code = counts ? ([...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '') : '';
  }
}

/** WOF's own records of a place GeoNames has too lie this close to it. */
const SAME_PLACE_KM = 10;

/**
 * Rows without a GeoNames id are mostly WOF's own records of places GeoNames has ("Afrin" beside
 * "‘Afrīn"): one is dropped when a row with a GeoNames id and the same name lies within SAME_PLACE_KM.
 */
function dropDuplicates(rows: Row[]): Row[] {
  const named = new Map<string, Row[]>();
  for (const row of rows) {
    if (!row.geonameId) continue;
    const key = `${row.country}|${plainKey(row.name)}`;
    named.set(key, [...(named.get(key) ?? []), row]);
  }
  return rows.filter((row) => row.geonameId || !named.get(`${row.country}|${plainKey(row.name)}`)?.some((r) => kilometres(r.lat, r.lon, row.lat, row.lon) <= SAME_PLACE_KM));
}

/** Up to 3 decimals, without trailing zeros. */
function coordinate(degrees: number): string {
  return String(Number(degrees.toFixed(3)));
}

export function deriveLocalities(sourceDir: string): { rows: number; text: string } {
  const files = readdirSync(sourceDir).filter((f) => /^localities-[a-z]{2}\.tsv\.gz$/.test(f)).sort();
  if (!files.length) throw new Error(`${sourceDir}: no localities-XX.tsv.gz files`);
  const rows = dropDuplicates(files.flatMap((file) => readCountryFile(`${sourceDir}/${file}`)));
  fillAdmin1Codes(rows);
  const order = (r: Row) => `${r.country}\t${r.admin1Code}\t${r.admin2Name}\t${r.name}`;
  rows.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const lines = rows.map((r) =>
    [r.geonameId, r.name, coordinate(r.lat), coordinate(r.lon), r.featureCode, r.country, r.admin1Code, r.admin2Name, r.population, r.otherNames.join('|')].join('\t'),
  );
  return { rows: rows.length, text: `${HEADER}${COLUMNS.join('\t')}\n${lines.join('\n')}\n` };
}

if (process.argv[1]?.endsWith('derive-localities.js')) {
  const sourceDir = process.argv[2];
  if (!sourceDir) {
    console.error('usage: node dist/geocode/derive-localities.js DIR   (DIR holds localities-XX.tsv.gz, e.g. ../shared/gazetteer)');
    process.exit(2);
  }
  const { rows, text } = deriveLocalities(sourceDir);
  const gz = gzipSync(text, { level: 9 });
  writeFileSync(dataFilePath(LOCALITIES_FILE), gz);
  console.log(`${rows.toLocaleString('en-US')} places written to data/${LOCALITIES_FILE} (${(gz.length / 1e6).toFixed(1)} MB gzip, ${(text.length / 1e6).toFixed(1)} MB text)`);
}
