// The gazetteer index in memory: loaded once, lazily; entries are parsed only when a lookup needs them.
import { readFileSync } from 'node:fs';
import { ensureIndex, indexPath, readIndexHeader, type EntryKind, type IndexHeader } from './build-index.js';
import { plainKey, soundKey, soundKeyOfPlain } from './normalize.js';
import { readRuleLines } from './rules.js';

export type { EntryKind } from './build-index.js';

export interface GazetteerEntry {
  /** Where the entry sits in the index (stable for one index build). */
  id: number;
  kind: EntryKind;
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

export interface CountryInfo {
  code: string;
  name: string;
  names: string[];
  demonyms: string[];
}

/** How a looked-up name met the entry: its own name, one of its other names, or only a spelling of one of them. */
export type NameMatch = 'name' | 'alias' | 'spelling';

export interface NameHit {
  entry: GazetteerEntry;
  match: NameMatch;
  /** The entry's other names (plain keys) that fold to the same sound key. */
  aliases: string[];
}

interface LoadedIndex {
  header: IndexHeader;
  /** The index file's bytes; entries and keys are read from them on demand. */
  bytes: Buffer;
  /** Where the entry lines start (entries are referred to by byte offsets from here), and where the key lines start. */
  entriesStart: number;
  keysStart: number;
  entries: Map<number, GazetteerEntry>;
  countries: Map<string, CountryInfo>;
  admin1Names: Map<string, string>;
}

const NEWLINE = 10;
const TAB = 9;

let loaded: LoadedIndex | null = null;

function load(): LoadedIndex {
  if (loaded) return loaded;
  ensureIndex();
  const bytes = readFileSync(indexPath);
  const headerEnd = bytes.indexOf(NEWLINE);
  const header = readIndexHeader(bytes.toString('utf8', 0, headerEnd + 1));
  if (!header) throw new Error(`${indexPath}: not a gazetteer index`);
  const countries = new Map<string, CountryInfo>();
  for (const [code = '', name = '', aliases = '', demonyms = ''] of readRuleLines('countries.tsv')) {
    const split = (list: string) => list.split('|').filter(Boolean);
    countries.set(code, { code, name, names: [name, ...split(aliases)], demonyms: split(demonyms) });
  }
  const entriesStart = headerEnd + 1;
  loaded = { header, bytes, entriesStart, keysStart: entriesStart + header.entriesBytes, entries: new Map(), countries, admin1Names: new Map() };
  // Admin1 entries come right after the countries: a short scan names every region.
  for (let offset = 0; offset < header.entriesBytes; offset = bytes.indexOf(NEWLINE, entriesStart + offset) + 1 - entriesStart) {
    const entry = entryAt(offset);
    if (entry.kind === 'town' || entry.kind === 'admin2') break;
    if (entry.kind === 'admin1') loaded.admin1Names.set(`${entry.countryCode}.${entry.admin1Code}`, entry.name);
  }
  return loaded;
}

/** The entry whose line starts `offset` bytes into the entry lines. */
function entryAt(offset: number): GazetteerEntry {
  const { bytes, entriesStart, entries } = load();
  const cached = entries.get(offset);
  if (cached) return cached;
  const start = entriesStart + offset;
  const f = bytes.toString('utf8', start, bytes.indexOf(NEWLINE, start)).split('\t');
  const text = (i: number) => f[i] ?? '';
  const numberOrNull = (i: number) => (text(i) === '' ? null : Number(text(i)));
  const plainName = plainKey(text(3));
  const entry: GazetteerEntry = {
    id: offset,
    kind: text(1) as EntryKind,
    geonameId: numberOrNull(2),
    name: text(3),
    countryCode: text(4),
    admin1Code: text(5),
    admin2Code: text(6),
    latitude: numberOrNull(7),
    longitude: numberOrNull(8),
    population: Number(text(9)),
    featureCode: text(10),
    plainName,
    soundName: soundKeyOfPlain(plainName),
  };
  entries.set(offset, entry);
  return entry;
}

/**
 * Entries filed under a sound key, each with its other names folding to that key: a binary search
 * over the bytes of the sorted key lines, probing the line around the middle byte.
 */
function itemsForKey(sound: string): Array<{ id: number; aliases: string[] }> {
  const { bytes, keysStart } = load();
  const wanted = Buffer.from(sound);
  let low = keysStart; // always a line start
  let high = bytes.length; // always a line start (or the end)
  while (low < high) {
    const middle = (low + high) >>> 1;
    const lineStart = Math.max(low, bytes.lastIndexOf(NEWLINE, middle - 1) + 1);
    const keyStart = lineStart + 2; // after "K\t"
    const keyEnd = bytes.indexOf(TAB, keyStart);
    const lineEnd = bytes.indexOf(NEWLINE, keyEnd);
    const order = wanted.compare(bytes, keyStart, keyEnd);
    if (order < 0) high = lineStart;
    else if (order > 0) low = lineEnd + 1;
    else {
      return bytes
        .toString('utf8', keyEnd + 1, lineEnd)
        .split('|')
        .map((item) => {
          const [id = '', ...aliases] = item.split(':');
          return { id: parseInt(id, 36), aliases };
        });
    }
  }
  return [];
}

/** Every entry whose name, in any spelling the normalisation rules fold together, equals `name`. */
export function findByName(name: string): NameHit[] {
  const plain = plainKey(name);
  return itemsForKey(soundKeyOfPlain(plain)).map(({ id, aliases }) => {
    const entry = entryAt(id);
    const match: NameMatch = entry.plainName === plain ? 'name' : aliases.includes(plain) ? 'alias' : 'spelling';
    return { entry, match, aliases };
  });
}

/** True when some entry is known by this name (cheaper than findByName: no entry is parsed). */
export function isKnownName(name: string): boolean {
  return itemsForKey(soundKey(name)).length > 0;
}

let capitals: Map<string, GazetteerEntry> | null = null;

/** A country's capital (GeoNames feature PPLC), found by a byte search of the entry lines on first use. */
export function capitalOf(countryCode: string): GazetteerEntry | null {
  if (!capitals) {
    const { bytes, entriesStart, header } = load();
    const marker = Buffer.from('\tPPLC\n');
    capitals = new Map();
    const end = entriesStart + header.entriesBytes;
    for (let at = bytes.indexOf(marker, entriesStart); at !== -1 && at < end; at = bytes.indexOf(marker, at + 1)) {
      const entry = entryAt(bytes.lastIndexOf(NEWLINE, at) + 1 - entriesStart);
      const known = capitals.get(entry.countryCode);
      if (entry.kind === 'town' && (!known || entry.population > known.population)) capitals.set(entry.countryCode, entry);
    }
  }
  return capitals.get(countryCode) ?? null;
}

export function countryName(code: string): string | null {
  return load().countries.get(code)?.name ?? null;
}

export function admin1Name(entry: Pick<GazetteerEntry, 'countryCode' | 'admin1Code'>): string | null {
  return load().admin1Names.get(`${entry.countryCode}.${entry.admin1Code}`) ?? null;
}

export function allCountries(): CountryInfo[] {
  return [...load().countries.values()];
}

export function indexHeader(): IndexHeader {
  return load().header;
}
