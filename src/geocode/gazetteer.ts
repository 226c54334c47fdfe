// The gazetteer index in memory: loaded once, lazily; entries are parsed only when a lookup needs them.
import { readFileSync } from 'node:fs';
import { ensureIndex, indexPath, readIndexHeader, type EntryKind, type IndexHeader } from './build-index.js';
import { plainKey, soundKey, soundKeyOfPlain } from './normalize.js';
import { readRuleLines } from './rules.js';

export type { EntryKind } from './build-index.js';

export interface GazetteerEntry {
  /** Line number of the entry in the index (stable for one index build). */
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

/** How a looked-up name met the entry: its own name, a spelling of it, or one of its other names. */
export type NameMatch = 'name' | 'spelling' | 'alias';

export interface NameHit {
  entry: GazetteerEntry;
  match: NameMatch;
}

interface LoadedIndex {
  header: IndexHeader;
  /** The index file's bytes; entries and keys are read from them on demand. */
  bytes: Buffer;
  /** Byte offset of each entry line, and of each key line (one extra offset marks the end). */
  entryStarts: Uint32Array;
  keyStarts: Uint32Array;
  entries: Array<GazetteerEntry | undefined>;
  countries: Map<string, CountryInfo>;
  admin1Names: Map<string, string>;
}

const NEWLINE = 10;
const TAB = 9;

let loaded: LoadedIndex | null = null;

function lineStarts(bytes: Buffer, from: number, count: number): Uint32Array {
  const starts = new Uint32Array(count + 1);
  let position = from;
  for (let i = 0; i < count; i++) {
    starts[i] = position;
    position = bytes.indexOf(NEWLINE, position) + 1;
  }
  starts[count] = position;
  return starts;
}

function load(): LoadedIndex {
  if (loaded) return loaded;
  ensureIndex();
  const bytes = readFileSync(indexPath);
  const headerEnd = bytes.indexOf(NEWLINE);
  const header = readIndexHeader(bytes.toString('utf8', 0, headerEnd + 1));
  if (!header) throw new Error(`${indexPath}: not a gazetteer index`);
  const entryStarts = lineStarts(bytes, headerEnd + 1, header.entries);
  const keyStarts = lineStarts(bytes, entryStarts[header.entries] as number, header.keys);
  const countries = new Map<string, CountryInfo>();
  for (const [code = '', name = '', aliases = '', demonyms = ''] of readRuleLines('countries.tsv')) {
    const split = (list: string) => list.split('|').filter(Boolean);
    countries.set(code, { code, name, names: [name, ...split(aliases)], demonyms: split(demonyms) });
  }
  loaded = { header, bytes, entryStarts, keyStarts, entries: new Array(header.entries), countries, admin1Names: new Map() };
  // Admin1 entries come right after the countries: a short scan names every region.
  for (let id = 0; id < header.entries; id++) {
    const entry = entryAt(id);
    if (entry.kind === 'town' || entry.kind === 'admin2') break;
    if (entry.kind === 'admin1') loaded.admin1Names.set(`${entry.countryCode}.${entry.admin1Code}`, entry.name);
  }
  return loaded;
}

function entryAt(id: number): GazetteerEntry {
  const index = load();
  const cached = index.entries[id];
  if (cached) return cached;
  const line = index.bytes.toString('utf8', index.entryStarts[id], (index.entryStarts[id + 1] as number) - 1);
  const f = line.split('\t');
  const text = (i: number) => f[i] ?? '';
  const numberOrNull = (i: number) => (text(i) === '' ? null : Number(text(i)));
  const plainName = plainKey(text(3));
  const entry: GazetteerEntry = {
    id,
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
  index.entries[id] = entry;
  return entry;
}

/** Entry numbers filed under a sound key: a binary search over the sorted key lines' bytes. */
function idsForKey(sound: string): number[] {
  const { bytes, keyStarts, header } = load();
  const wanted = Buffer.from(sound);
  let low = 0;
  let high = header.keys - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const keyStart = (keyStarts[middle] as number) + 2; // after "K\t"
    const keyEnd = bytes.indexOf(TAB, keyStart);
    const order = wanted.compare(bytes, keyStart, keyEnd);
    if (order === 0) return bytes.toString('latin1', keyEnd + 1, (keyStarts[middle + 1] as number) - 1).split(' ').map(Number);
    if (order < 0) high = middle - 1;
    else low = middle + 1;
  }
  return [];
}

/** Every entry whose name, in any spelling the normalisation rules fold together, equals `name`. */
export function findByName(name: string): NameHit[] {
  const plain = plainKey(name);
  const sound = soundKeyOfPlain(plain);
  return idsForKey(sound).map((id) => {
    const entry = entryAt(id);
    const match: NameMatch = entry.plainName === plain ? 'name' : entry.soundName === sound ? 'spelling' : 'alias';
    return { entry, match };
  });
}

/** True when some entry is known by this name (cheaper than findByName: no entry is parsed). */
export function isKnownName(name: string): boolean {
  return idsForKey(soundKey(name)).length > 0;
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
