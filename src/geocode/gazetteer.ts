// The gazetteer index in memory: loaded once, lazily, read in place (index-format.ts); an entry is
// made into an object only when a lookup returns it. The index is built at build time only
// (`npm run build`): a missing index, or one built with other normalisation rules, is an error.
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { countryTable, type CountryInfo } from './countries.js';
import { COORDINATE_SCALE, decodeIndex, ENTRY_KINDS, FORMAT_VERSION, INDEX_PATH, NO_ALIASES, NO_COORDINATE, rulesFingerprint, type EntryKind, type IndexData, type IndexHeader } from './index-format.js';
import { plainKey, soundKey, soundKeyOfPlain } from './normalize.js';

export type { EntryKind } from './index-format.js';

export interface GazetteerEntry {
  /** Where the entry sits in the index (stable for one index build). */
  id: number;
  kind: EntryKind;
  /** A populated place known from the village-level data only: small, and one of many namesakes. */
  village: boolean;
  geonameId: number | null;
  name: string;
  countryCode: string;
  admin1Code: string;
  admin2Code: string;
  latitude: number | null;
  longitude: number | null;
  population: number;
  featureCode: string;
  /** Keys of `name` (see normalize.ts), kept to grade lookups. */
  plainName: string;
  soundName: string;
}

/** How a looked-up name met the entry: its own name, one of its other names, or only a spelling of one of them. */
export type NameMatch = 'name' | 'alias' | 'spelling';

export interface NameHit {
  entry: GazetteerEntry;
  match: NameMatch;
  /** The entry's other names (plain keys) that fold to the same sound key. */
  aliases: string[];
}

interface LoadedIndex extends IndexData {
  entries: Map<number, GazetteerEntry>;
  admin1Names: Map<string, string>;
}

const NEWLINE = 10;

let loaded: LoadedIndex | null = null;
let indexBytes: SharedArrayBuffer | null = null;

/**
 * The index file's bytes, read once into memory that threads share: the analysis threads of a
 * process read the one copy in place instead of holding 112 MB each.
 */
export function gazetteerIndexBytes(): SharedArrayBuffer {
  if (indexBytes) return indexBytes;
  if (!existsSync(INDEX_PATH)) throw new Error(`the gazetteer index is missing (${INDEX_PATH}): run \`npm run build\``);
  const fd = openSync(INDEX_PATH, 'r');
  try {
    const bytes = new SharedArrayBuffer(fstatSync(fd).size);
    const view = new Uint8Array(bytes);
    for (let read = 0; read < view.length; ) read += readSync(fd, view, read, view.length - read, read) || fail();
    indexBytes = bytes;
    return bytes;
  } finally {
    closeSync(fd);
  }
}

function fail(): never {
  throw new Error(`the gazetteer index (${INDEX_PATH}) ended early: run \`npm run build\``);
}

/** Use the index bytes another thread read (see gazetteerIndexBytes). */
export function shareGazetteerIndex(bytes: SharedArrayBuffer): void {
  indexBytes ??= bytes;
}

function load(): LoadedIndex {
  if (loaded) return loaded;
  const data = decodeIndex(Buffer.from(gazetteerIndexBytes()));
  if (data.header.format !== FORMAT_VERSION || data.header.rulesFingerprint !== rulesFingerprint()) {
    throw new Error(`the gazetteer index (${INDEX_PATH}) was built with other rules or an older format: run \`npm run build\``);
  }
  const index: LoadedIndex = { ...data, entries: new Map(), admin1Names: new Map() };
  const admin1 = ENTRY_KINDS.indexOf('admin1');
  for (let id = 0; id < data.kind.length; id++) {
    if (data.kind[id] !== admin1) continue;
    index.admin1Names.set(`${data.header.tables.countries[data.country[id] as number]}.${data.header.tables.admin1[data.admin1[id] as number]}`, nameOf(data, id));
  }
  loaded = index;
  return index;
}

function nameOf(data: IndexData, id: number): string {
  return data.names.toString('utf8', data.nameStart[id], data.nameStart[id + 1]);
}

function entryAt(id: number): GazetteerEntry {
  const index = load();
  const cached = index.entries.get(id);
  if (cached) return cached;
  const { tables } = index.header;
  const degrees = (value: number) => (value === NO_COORDINATE ? null : value / COORDINATE_SCALE);
  const name = nameOf(index, id);
  const plainName = plainKey(name);
  const entry: GazetteerEntry = {
    id,
    kind: ENTRY_KINDS[index.kind[id] as number] as EntryKind,
    village: index.village[id] === 1,
    geonameId: index.geonameId[id] || null,
    name,
    countryCode: tables.countries[index.country[id] as number] ?? '',
    admin1Code: tables.admin1[index.admin1[id] as number] ?? '',
    admin2Code: tables.admin2[index.admin2[id] as number] ?? '',
    latitude: degrees(index.latitude[id] as number),
    longitude: degrees(index.longitude[id] as number),
    population: index.population[id] as number,
    featureCode: tables.featureCodes[index.feature[id] as number] ?? '',
    plainName,
    soundName: soundKeyOfPlain(plainName),
  };
  index.entries.set(id, entry);
  return entry;
}

/** The number of the key `sound` among the sorted keys (a binary search over their bytes), or -1. */
function keyNumber(sound: string): number {
  const { keys, keyStart } = load();
  const wanted = Buffer.from(sound);
  let low = 0;
  let high = keyStart.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const order = wanted.compare(keys, keyStart[middle], keyStart[middle + 1]);
    if (order === 0) return middle;
    if (order < 0) high = middle;
    else low = middle + 1;
  }
  return -1;
}

/** Entries filed under a sound key, each with its other names folding to that key. */
function postingsOf(sound: string): Array<{ id: number; aliases: string[] }> {
  const k = keyNumber(sound);
  if (k < 0) return [];
  const { postingStart, postingEntry, postingAliases, aliases } = load();
  const postings: Array<{ id: number; aliases: string[] }> = [];
  for (let p = postingStart[k] as number; p < (postingStart[k + 1] as number); p++) {
    const at = postingAliases[p] as number;
    const names = at === NO_ALIASES ? [] : aliases.toString('utf8', at, aliases.indexOf(NEWLINE, at)).split('|');
    postings.push({ id: postingEntry[p] as number, aliases: names });
  }
  return postings;
}

/** Every entry whose name, in any spelling the normalisation rules fold together, equals `name`. */
export function findByName(name: string): NameHit[] {
  const plain = plainKey(name);
  return postingsOf(soundKeyOfPlain(plain)).map(({ id, aliases }) => {
    const entry = entryAt(id);
    const match: NameMatch = entry.plainName === plain ? 'name' : aliases.includes(plain) ? 'alias' : 'spelling';
    return { entry, match, aliases };
  });
}

/** The first-level region an entry lies in, as an entry of its own (null when the gazetteer lists none). */
export function regionOf(entry: GazetteerEntry): GazetteerEntry | null {
  const name = admin1Name(entry);
  const same = (other: GazetteerEntry) => other.kind === 'admin1' && other.countryCode === entry.countryCode && other.admin1Code === entry.admin1Code;
  return name === null ? null : (findByName(name).find((hit) => same(hit.entry))?.entry ?? null);
}

/** True when some entry is known by this name (cheaper than findByName: no entry is made). */
export function isKnownName(name: string): boolean {
  return keyNumber(soundKey(name)) >= 0;
}

let capitals: Map<string, GazetteerEntry> | null = null;

/** A country's capital (GeoNames feature PPLC), the most populous where GeoNames lists several. */
export function capitalOf(countryCode: string): GazetteerEntry | null {
  if (!capitals) {
    const index = load();
    const capital = index.header.tables.featureCodes.indexOf('PPLC');
    const town = ENTRY_KINDS.indexOf('town');
    capitals = new Map();
    for (let id = 0; id < index.feature.length; id++) {
      if (index.feature[id] !== capital || index.kind[id] !== town) continue;
      const entry = entryAt(id);
      const known = capitals.get(entry.countryCode);
      if (!known || entry.population > known.population) capitals.set(entry.countryCode, entry);
    }
  }
  return capitals.get(countryCode) ?? null;
}

export function countryName(code: string): string | null {
  return countryTable().get(code)?.name ?? null;
}

export function admin1Name(entry: Pick<GazetteerEntry, 'countryCode' | 'admin1Code'>): string | null {
  return load().admin1Names.get(`${entry.countryCode}.${entry.admin1Code}`) ?? null;
}

export function allCountries(): CountryInfo[] {
  return [...countryTable().values()];
}

export function indexHeader(): IndexHeader {
  return load().header;
}
