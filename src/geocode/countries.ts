// The country table (data/geocode/countries.tsv): ISO code, the name Vigil reports, other names and
// demonyms. Read once, for the gazetteer index, the lookups and the clues in mention finding.
import { dataRows } from '../util/data-file.js';

export interface CountryInfo {
  code: string;
  name: string;
  /** The name Vigil reports first, then the other names reports use. */
  names: string[];
  demonyms: string[];
}

let table: Map<string, CountryInfo> | null = null;

/** Every country, by ISO code. */
export function countryTable(): ReadonlyMap<string, CountryInfo> {
  if (table) return table;
  const split = (list: string) => list.split('|').filter(Boolean);
  table = new Map();
  for (const [code = '', name = '', aliases = '', demonyms = ''] of dataRows('geocode/countries.tsv', 'tab')) {
    table.set(code, { code, name, names: [name, ...split(aliases)], demonyms: split(demonyms) });
  }
  return table;
}
