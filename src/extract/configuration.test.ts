// One visible configuration: every rule and refiner listed, and a configuration's lexicons its own.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfiguration } from './configuration.js';
import { extract } from './index.js';
import { loadLexicons } from './lexicons.js';

describe('createConfiguration', () => {
  it('lists the rules, refiners and context rules in the order they run', () => {
    const configuration = createConfiguration();
    expect(configuration.casualtyRules.map((r) => r.name).slice(0, 3)).toEqual(['CoordinatedVictimsRule', 'SubjectCountRule', 'ObjectVictimRule']);
    expect(configuration.casualtyRefiners.map((r) => r.name)).toEqual(['OverlapRefiner', 'KilledThemRefiner', 'PronounVictimRefiner', 'GrievanceRefiner']);
    expect(configuration.eventContextRules.length).toBeGreaterThan(5);
  });

  it("keeps each configuration's actor lexicon to itself: one built with extra actors changes no other", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vigil-actors-')), 'actors.txt');
    writeFileSync(file, 'Zarqa Brigade | armed_group | Zarqa Brigade\n');
    const extended = createConfiguration(loadLexicons([file]));
    const text = 'Two Zarqa Brigade soldiers were killed in an ambush on Monday.';
    const victims = (configuration?: ReturnType<typeof createConfiguration>) => extract(text, { published: '2022-06-01', configuration }).claims[0]?.victims;
    expect(victims(extended)).toBe('fighters');
    expect(victims()).toBe('soldiers');
    expect(victims(extended)).toBe('fighters');
  });
});
