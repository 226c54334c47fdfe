// The gazetteer index file (dist/gazetteer/index.bin), shared by the build (build-index.ts writes
// it) and the lookups (gazetteer.ts reads it). It is loaded whole and used in place: no entry or key
// is parsed until a lookup needs it.
//
// Layout: a 4-byte length, the JSON header, then sections, each starting on an 8-byte boundary
// (the header lists their offsets and lengths):
//   entry columns, one value per entry (entries are numbered from 0):
//     kind u8, village u8 (1: known from the village-level data only), feature u8 (index into
//     header.tables.featureCodes), country u16, admin1 u16,
//     admin2 u16 (indexes into header.tables.countries / admin1 / admin2; 0 is none),
//     latitude i32, longitude i32 (degrees x 100,000; NO_COORDINATE when none),
//     population u32, geonameId u32 (0 when none), nameStart u32 (entries + 1: into `names`)
//   names: the entries' names, UTF-8, back to back
//   keys: every sound key (see normalize.ts), sorted by UTF-8 bytes, back to back; keyStart u32 (keys + 1)
//   postings: the entries filed under each key, key by key (postingStart u32, keys + 1, into them):
//     postingEntry u32, and postingAliases u32: where in `aliases` the entry's other names that fold
//     to this key start (NO_ALIASES when none): plain keys separated by '|', ended by '\n'.
import { createHash } from 'node:crypto';
import { projectRoot, readDataFile } from '../util/data-file.js';

/** Bump when the layout or the way the index is built changes. */
export const FORMAT_VERSION = 15;

export const INDEX_PATH = `${projectRoot}dist/gazetteer/index.bin`;

/** The data files the index is built with: lookups fold names by the same rules, or find nothing. */
export const RULE_FILES = ['geocode/normalize.rules', 'geocode/transliteration.rules', 'geocode/countries.tsv', 'geocode/regions.tsv'];

/** The village-level places the index is built from (see derive-localities.ts), under data/. */
export const LOCALITIES_FILE = 'gazetteer/localities.tsv.gz';

/** Feature code of a district with no populated place in the data (see build-index.ts). */
export const SEATLESS_DISTRICT = 'ADM2-NOSEAT';

export type EntryKind = 'town' | 'admin1' | 'admin2' | 'country';
export const ENTRY_KINDS: readonly EntryKind[] = ['country', 'admin1', 'admin2', 'town'];

export const NO_COORDINATE = -0x80000000;
export const NO_ALIASES = 0xffffffff;
export const COORDINATE_SCALE = 100_000;

/** The credit the licence of the place data (CC BY 4.0) asks every product that ships it to show. */
export const ATTRIBUTION =
  "Place data from Who's On First (https://whosonfirst.org/docs/licenses/) and GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).";

export interface IndexSource {
  /** A data file of the repository, or an npm package. */
  name: string;
  /** The package's version ('' for a data file). */
  version: string;
  data: string;
}

export interface IndexHeader {
  format: number;
  /** Hash of the format and the rule files: a lookup refuses an index built with other rules. */
  rulesFingerprint: string;
  /** Hash of every input (rules, data files, packages): the build skips an index built from the same inputs. */
  inputsFingerprint: string;
  sources: IndexSource[];
  entries: number;
  keys: number;
  postings: number;
  tables: { countries: string[]; admin1: string[]; admin2: string[]; featureCodes: string[] };
  sections: Record<SectionName, { offset: number; length: number }>;
}

const SECTIONS = ['kind', 'village', 'feature', 'country', 'admin1', 'admin2', 'latitude', 'longitude', 'population', 'geonameId', 'nameStart', 'names', 'keyStart', 'keys', 'postingStart', 'postingEntry', 'postingAliases', 'aliases'] as const;
type SectionName = (typeof SECTIONS)[number];

/** The index in memory: typed views over the file's bytes. */
export interface IndexData {
  header: IndexHeader;
  kind: Uint8Array;
  village: Uint8Array;
  feature: Uint8Array;
  country: Uint16Array;
  admin1: Uint16Array;
  admin2: Uint16Array;
  latitude: Int32Array;
  longitude: Int32Array;
  population: Uint32Array;
  geonameId: Uint32Array;
  nameStart: Uint32Array;
  names: Buffer;
  keyStart: Uint32Array;
  keys: Buffer;
  postingStart: Uint32Array;
  postingEntry: Uint32Array;
  postingAliases: Uint32Array;
  aliases: Buffer;
}

type Sections = Omit<IndexData, 'header'>;

export function rulesFingerprint(): string {
  const hash = createHash('sha256').update(`format ${FORMAT_VERSION}\n`);
  for (const file of RULE_FILES) hash.update(readDataFile(file));
  return hash.digest('hex').slice(0, 16);
}

const ALIGNMENT = 8;

function padded(length: number): number {
  return Math.ceil(length / ALIGNMENT) * ALIGNMENT;
}

/** The file's bytes: header (with the sections' places filled in) and sections. */
export function encodeIndex(header: Omit<IndexHeader, 'sections'>, sections: Sections): Buffer {
  const places = {} as IndexHeader['sections'];
  let offset = 0;
  for (const name of SECTIONS) {
    places[name] = { offset, length: sections[name].byteLength };
    offset = padded(offset + sections[name].byteLength);
  }
  const json = Buffer.from(JSON.stringify({ ...header, sections: places }));
  const start = padded(4 + json.length);
  const file = Buffer.alloc(start + offset);
  file.writeUInt32LE(json.length, 0);
  json.copy(file, 4);
  for (const name of SECTIONS) {
    const view = sections[name];
    Buffer.from(view.buffer, view.byteOffset, view.byteLength).copy(file, start + places[name].offset);
  }
  return file;
}

export function readIndexHeader(file: Buffer): IndexHeader {
  const length = file.length >= 4 ? file.readUInt32LE(0) : 0;
  const text = file.toString('utf8', 4, 4 + length);
  if (!text.startsWith('{"format"')) throw new Error('not a gazetteer index');
  return JSON.parse(text) as IndexHeader;
}

/** Typed views over the file's bytes (no copy unless the buffer is misaligned). */
export function decodeIndex(file: Buffer): IndexData {
  const header = readIndexHeader(file);
  const start = padded(4 + file.readUInt32LE(0));
  const bytes = (file.byteOffset + start) % ALIGNMENT === 0 ? file : Buffer.from(file);
  const base = bytes.byteOffset + start;
  const view = <T>(name: SectionName, Type: { new (buffer: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number }): T => {
    const { offset, length } = header.sections[name];
    return new Type(bytes.buffer, base + offset, length / Type.BYTES_PER_ELEMENT);
  };
  const buffer = (name: SectionName) => bytes.subarray(start + header.sections[name].offset, start + header.sections[name].offset + header.sections[name].length);
  return {
    header,
    kind: view('kind', Uint8Array),
    village: view('village', Uint8Array),
    feature: view('feature', Uint8Array),
    country: view('country', Uint16Array),
    admin1: view('admin1', Uint16Array),
    admin2: view('admin2', Uint16Array),
    latitude: view('latitude', Int32Array),
    longitude: view('longitude', Int32Array),
    population: view('population', Uint32Array),
    geonameId: view('geonameId', Uint32Array),
    nameStart: view('nameStart', Uint32Array),
    names: buffer('names'),
    keyStart: view('keyStart', Uint32Array),
    keys: buffer('keys'),
    postingStart: view('postingStart', Uint32Array),
    postingEntry: view('postingEntry', Uint32Array),
    postingAliases: view('postingAliases', Uint32Array),
    aliases: buffer('aliases'),
  };
}
