// The events eval on a small fixture of our own: what it scores, how, and the JSON it writes.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatEventsReport, runEventsEval } from './events.js';
import { normaliseActor, sameAdmin1 } from './normalise.js';

const fixture = fileURLToPath(new URL('../../test/fixtures/eval/events.jsonl', import.meta.url));

describe('runEventsEval', () => {
  const report = runEventsEval([fixture]);

  it('scores every field the gold codes, and skips lines that are not records', () => {
    expect(report.records).toBe(3);
    expect(report.skippedLines).toBe(1);
    expect(report.fields.fatalities).toMatchObject({ scored: 3, correct: 2 });
    expect(report.fields.fatalities_nonzero).toMatchObject({ scored: 2, correct: 1 });
    expect(report.fields.fatalities?.errors[0]).toMatchObject({ kind: 'too low', count: 1, example: 'fx-3' });
    expect(report.fields.date).toMatchObject({ scored: 3, correct: 3, accuracy: 1 });
    expect(report.fields.actor1).toMatchObject({ scored: 3, correct: 3 });
    expect(report.fields.admin1).toMatchObject({ scored: 3, correct: 3 });
    expect(report.fields.location_25km).toMatchObject({ scored: 3, correct: 3 });
  });

  it('reports the Syria and Iraq records as their own group', () => {
    expect(report.groups['Syria and Iraq']).toMatchObject({ records: 1 });
    expect(report.groups['all others']).toMatchObject({ records: 2 });
  });

  it('prints a table a person can read', () => {
    const table = formatEventsReport(report);
    expect(table).toMatch(/\| fatalities\s+\|\s+3 \|\s+66\.7 %/);
    expect(table).toMatch(/Syria and Iraq/);
  });
});

describe('name normalisation for scoring', () => {
  it('drops the years and case of actor names', () => {
    expect(normaliseActor('Military Forces of Syria (2000-)')).toBe(normaliseActor('military forces of Syria'));
  });

  it('matches regions by spelling or by the gazetteer region they name', () => {
    expect(sameAdmin1('Idlib', 'Idleb')).toBe(true);
    expect(sameAdmin1('Khyber Pakhtunkhwa', 'Federally Administered Tribal Areas')).toBe(true);
    expect(sameAdmin1('Punjab', 'Sindh')).toBe(false);
    expect(sameAdmin1(null, 'Sindh')).toBe(false);
    // Nepal's former Central development region holds today's Madhesh Province.
    expect(sameAdmin1('Madhesh', 'Central', 'Nepal')).toBe(true);
    expect(sameAdmin1('Madhesh', 'Central', 'Zambia')).toBe(false);
  });
});
