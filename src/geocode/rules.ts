// Reads the geocoder's data files under data/geocode/: comment lines start with #, fields are TAB-separated.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root: this file sits two levels down, in src/geocode/ or dist/geocode/. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export function dataFilePath(name: string): string {
  return `${projectRoot}data/geocode/${name}`;
}

export function readDataFile(name: string): string {
  return readFileSync(dataFilePath(name), 'utf8');
}

/** The non-comment, non-blank lines of a data file, split on TABs. */
export function readRuleLines(name: string): string[][] {
  return readDataFile(name)
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t').map((field) => field.trim()));
}
