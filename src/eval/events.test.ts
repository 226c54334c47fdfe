// The events eval on a small fixture of our own: what it scores, how, and the JSON it writes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { conventionOf, formatEventsReport, runEventsEval, type RecordErrors } from './events.js';
import { normaliseActor, sameAdmin1, sameCountry, sameUcdpActor } from './normalise.js';

const fixture = fileURLToPath(new URL('../../test/fixtures/eval/events.jsonl', import.meta.url));

describe('runEventsEval', () => {
  const wrong: RecordErrors[] = [];
  const report = runEventsEval([fixture], { onErrors: (errors) => wrong.push(errors) });

  it('scores every field the gold codes, and skips lines that are not records', () => {
    expect(report.records).toBe(4);
    expect(report.skippedLines).toBe(1);
    expect(report.fields.fatalities).toMatchObject({ scored: 4, correct: 3 });
    expect(report.fields.fatalities_nonzero).toMatchObject({ scored: 2, correct: 1 });
    expect(report.fields.fatalities?.errors[0]).toMatchObject({ kind: 'too low', count: 1, example: 'fx-3' });
    expect(report.fields.date).toMatchObject({ scored: 4, correct: 4, accuracy: 1 });
    expect(report.fields.actor1).toMatchObject({ scored: 4, correct: 4 });
    expect(report.fields.admin1).toMatchObject({ scored: 4, correct: 3 });
    expect(report.fields.location_25km).toMatchObject({ scored: 4, correct: 3 });
  });

  it('reports the Syria and Iraq records as their own group', () => {
    expect(report.groups['Syria and Iraq']).toMatchObject({ records: 1 });
    expect(report.groups['all others']).toMatchObject({ records: 3 });
  });

  it('counts a place the gazetteer cannot hold against the geocoding ceiling', () => {
    // fx-4 names a village no gazetteer entry is near: no choice of candidate could place it.
    expect(report.ceiling).toMatchObject({ scored: 4, reachable: 3, share: 0.75 });
  });

  it('counts the records placed on the map in another country than the gold', () => {
    expect(report.wrongCountryDots).toEqual({ placed: 3, wrong: 0 });
    expect(formatEventsReport(report)).toMatch(/Wrong-country dots: 0 of the 3 records placed on the map/);
  });

  it('lists each record with a wrong field, with the gold and our value', () => {
    expect(wrong.map((w) => w.id)).toEqual(['fx-3', 'fx-4']);
    expect(wrong[0]?.errors.fatalities).toEqual({ kind: 'too low', gold: 3, ours: 2 });
    expect(wrong[1]?.errors.country).toEqual({ kind: 'no country', gold: 'Afghanistan', ours: null });
    expect(wrong[1]?.errors.location).toMatchObject({ kind: 'no place', ours: null });
  });

  it('prints a table a person can read', () => {
    const table = formatEventsReport(report);
    expect(table).toMatch(/\| fatalities\s+\|\s+4 \|\s+75\.0 %/);
    expect(table).toMatch(/Syria and Iraq/);
    expect(table).toMatch(/Geocoding ceiling: 3 of 4 records/);
  });
});

describe('runEventsEval on what the text does not say', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'vigil-eval-')), 'gold.jsonl');
  const record = (id: string, text: string, date: string, extra: object = {}) => JSON.stringify({ id, text, date, fatalities: 1, ...extra });
  writeFileSync(
    file,
    [
      // No date in the text, no publication date: the harness's own day-after guess cannot score the reader.
      record('u-1', 'Gunmen shot dead a shepherd near the border.', '2021-03-03'),
      record('u-2', 'On 4 March 2021, gunmen shot dead a farmer near the border.', '2021-03-04'),
      // The gold codes the earlier event the article tells: scored, but not as the main event.
      record('u-3', 'Gunmen shot dead a farmer on Wednesday.\nOn February 2, gunmen shot dead a teacher in the same village.', '2021-02-02', { published: '2021-03-05' }),
    ].join('\n'),
  );
  const report = runEventsEval([file]);

  it('scores the date of a note that states none apart, not with the dates read', () => {
    expect(report.fields.date).toMatchObject({ scored: 2, correct: 2 });
    expect(report.fields.date_unstated).toMatchObject({ scored: 1 });
  });

  it('counts how often the incident scored is the one Vigil ranked first', () => {
    expect(report.fields.main_event).toMatchObject({ scored: 3, correct: 2 });
    expect(report.fields.main_event?.errors[0]).toMatchObject({ kind: 'ranked 2 of 2', example: 'u-3' });
  });
});

describe('conventionOf', () => {
  it("scores a record by its codebook's convention for tolls with no number", () => {
    expect(conventionOf({ dataset: 'ucdp_aec_test' })).toBe('ucdp');
    expect(conventionOf({ dataset: 'acled' })).toBe('acled');
    expect(conventionOf({})).toBe('acled');
  });
});

describe('name normalisation for scoring', () => {
  it('drops the years and case of actor names', () => {
    expect(normaliseActor('Military Forces of Syria (2000-)')).toBe(normaliseActor('military forces of Syria'));
  });

  it("reads UCDP dyad names as Vigil's actors", () => {
    expect(sameUcdpActor('Government of Myanmar (Burma)', 'Military Forces of Myanmar (2021-)')).toBe(true);
    expect(sameUcdpActor('Government of Philippines', 'Police Forces of the Philippines')).toBe(true);
    expect(sameUcdpActor('Government of Niger', 'Military Forces of Nigeria')).toBe(false);
    expect(sameUcdpActor('IS', 'Islamic State (Syria)')).toBe(true);
    expect(sameUcdpActor('Civilians', 'Civilians (Syria)')).toBe(true);
    expect(sameUcdpActor('IS', 'Unidentified Armed Group (Syria)')).toBe(false);
  });

  it('matches regions by spelling or by the gazetteer region they name', () => {
    expect(sameAdmin1('Idlib', 'Idleb')).toBe(true);
    expect(sameAdmin1('Khyber Pakhtunkhwa', 'Federally Administered Tribal Areas')).toBe(true);
    expect(sameAdmin1('Punjab', 'Sindh')).toBe(false);
    expect(sameAdmin1(null, 'Sindh')).toBe(false);
    // Nepal's former Central development region holds today's Madhesh Province.
    expect(sameAdmin1('Madhesh', 'Central', 'Nepal')).toBe(true);
    expect(sameAdmin1('Madhesh', 'Central', 'Zambia')).toBe(false);
    // Darfur, one region in older gold, is five states today.
    expect(sameAdmin1('North Darfur', 'Darfur', 'Sudan')).toBe(true);
  });

  it('matches countries by any of their names', () => {
    expect(sameCountry('Democratic Republic of Congo', 'DR Congo')).toBe(true);
    expect(sameCountry('Myanmar', 'Burma')).toBe(true);
    expect(sameCountry('Republic of Congo', 'DR Congo')).toBe(false);
    expect(sameCountry(null, 'Niger')).toBe(false);
  });
});
