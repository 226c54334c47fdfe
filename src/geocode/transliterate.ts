// Cyrillic names in Latin letters, by the systems of data/geocode/transliteration.rules.
import { dataRows } from '../util/data-file.js';

interface System {
  pattern: RegExp;
  letters: Map<string, string>;
}

let systems: System[] | null = null;

function loadSystems(): System[] {
  if (systems) return systems;
  const bySystem = new Map<string, Map<string, string>>();
  for (const [kind, system = '', from = '', to = ''] of dataRows('geocode/transliteration.rules', 'tab')) {
    if (kind !== 'translit') throw new Error(`transliteration.rules: unknown rule kind "${kind}"`);
    const letters = bySystem.get(system) ?? bySystem.set(system, new Map()).get(system);
    letters?.set(from, to === '-' ? '' : to);
  }
  systems = [...bySystem.values()].map((letters) => ({
    letters,
    // Longest sequences first, so that "ьо" wins over "ь".
    pattern: new RegExp([...letters.keys()].sort((a, b) => b.length - a.length).join('|'), 'gu'),
  }));
  return systems;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

export function isCyrillic(name: string): boolean {
  return CYRILLIC.test(name);
}

/** A Cyrillic name in Latin letters, one spelling per system (duplicates dropped); other names as they are. */
export function latinSpellings(name: string): string[] {
  if (!isCyrillic(name)) return [name];
  const lower = name.toLowerCase();
  return [...new Set(loadSystems().map(({ pattern, letters }) => lower.replace(pattern, (sequence) => letters.get(sequence) ?? sequence)))];
}
