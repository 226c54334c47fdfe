// `vigil eval events`: extraction scored against human-coded event records (ACLED-style
// JSONL). Each record's narrative is run through clean -> extract -> geocode -> reconcile,
// and the incident that best matches the gold date and place is scored field by field.
import { readFileSync } from 'node:fs';
import * as chrono from 'chrono-node';
import { z } from 'zod';
import { findMentions } from '../geocode/mentions.js';
import { analyse } from '../pipeline/index.js';
import type { CodingConvention } from '../reconcile/conventions.js';
import { incidentFromDraft } from '../reconcile/index.js';
import { shiftDate } from '../util/dates.js';
import type { Incident } from '../types.js';
import { dataRows } from '../util/data-file.js';
import { kilometres } from '../util/geo.js';
import { normaliseActor, normalisePlace, sameAdmin1, sameCountry, sameUcdpActor } from './normalise.js';

const goldRecord = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  date: z.string().nullish(),
  published: z.string().nullish(),
  country: z.string().nullish(),
  admin1: z.string().nullish(),
  admin2: z.string().nullish(),
  location: z.string().nullish(),
  latitude: z.number().nullish(),
  longitude: z.number().nullish(),
  event_type: z.string().nullish(),
  sub_event_type: z.string().nullish(),
  actor1: z.string().nullish(),
  fatalities: z.number().nullish(),
  fatalities_low: z.number().nullish(),
  fatalities_high: z.number().nullish(),
  dataset: z.string().nullish(),
});
export type GoldRecord = z.infer<typeof goldRecord>;

export const SCORED_FIELDS = [
  'fatalities',
  'fatalities_nonzero',
  'fatalities_within_1',
  'fatalities_within_10pct',
  'fatalities_low',
  'fatalities_high',
  'fatalities_range_holds_gold',
  'date',
  'date_unstated',
  'main_event',
  'event_type',
  'sub_event_type',
  'actor1',
  'country',
  'admin1',
  'location_10km',
  'location_25km',
  'location_50km',
  'location_name',
] as const;
type Field = (typeof SCORED_FIELDS)[number];

interface FieldScore {
  scored: number;
  correct: number;
  errors: Map<string, { count: number; example: string }>;
}

export interface EventsReport {
  files: string[];
  records: number;
  skippedLines: number;
  noIncident: number;
  severalIncidents: number;
  fields: Record<string, { scored: number; correct: number; accuracy: number; errors: Array<{ kind: string; count: number; example: string }> }>;
  zeroConfusion: { goldZeroOursZero: number; goldZeroOursNonzero: number; goldNonzeroOursZero: number; goldNonzeroOursNonzero: number };
  groups: Record<string, { records: number; fields: Record<string, { scored: number; correct: number; accuracy: number }> }>;
  /**
   * The geocoder's ceiling: of the records with gold coordinates, how many name a place (as Vigil
   * finds mentions) that has some gazetteer entry within 25 km of the gold point, or are placed that
   * close already. No choice among candidates can place the others within 25 km.
   */
  ceiling: { scored: number; reachable: number; share: number };
  /** Records scored under each codebook's convention for tolls told without a number. */
  conventions: Record<string, number>;
  /**
   * Records placed on the map (coordinates coded) in another country than the gold's: the worst
   * geocoding error, a dot in the wrong country. `placed` counts the records with coordinates coded.
   */
  wrongCountryDots: { placed: number; wrong: number };
  seconds: number;
}

/** One record with at least one field wrong: what the gold says and what Vigil said (for `--errors`). */
export interface RecordErrors {
  id: string;
  text: string;
  errors: Record<string, { kind: string; gold: unknown; ours: unknown }>;
}

/** How far from the gold point a gazetteer entry may lie for the place to count as reachable. */
const CEILING_KM = 25;

const legacyTypes = loadLegacyTypes();

function loadLegacyTypes(): Map<string, Array<{ eventType: string; subEventType: string | null }>> {
  const rows = dataRows('eval/legacy-event-types.txt', 'pipe');
  const map = new Map<string, Array<{ eventType: string; subEventType: string | null }>>();
  for (const [legacy, eventType, sub] of rows) map.set(legacy!, [...(map.get(legacy!) ?? []), { eventType: eventType!, subEventType: sub === '-' ? null : sub! }]);
  return map;
}

/** Country groups reported as their own rows (the hardest and most important records). */
const GROUPS: Record<string, (r: GoldRecord) => boolean> = {
  'Syria and Iraq': (r) => r.country === 'Syria' || r.country === 'Iraq',
  'all others': (r) => r.country !== 'Syria' && r.country !== 'Iraq',
};
const GROUP_FIELDS: Field[] = ['fatalities', 'fatalities_nonzero', 'date', 'event_type', 'actor1', 'country', 'admin1', 'location_25km', 'location_50km'];

export function runEventsEval(files: string[], options: { limit?: number; onRecord?: () => void; onErrors?: (errors: RecordErrors) => void } = {}): EventsReport {
  const started = performance.now();
  const scores = new Map<Field, FieldScore>();
  const groupScores = new Map<string, Map<Field, FieldScore>>();
  const groupCounts = new Map<string, number>();
  const zero = { goldZeroOursZero: 0, goldZeroOursNonzero: 0, goldNonzeroOursZero: 0, goldNonzeroOursNonzero: 0 };
  let records = 0;
  let skippedLines = 0;
  let noIncident = 0;
  let severalIncidents = 0;
  const ceiling = { scored: 0, reachable: 0 };
  const conventions: Record<string, number> = {};
  const wrongCountryDots = { placed: 0, wrong: 0 };

  outer: for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      if (options.limit !== undefined && records >= options.limit) break outer;
      const parsed = goldRecord.safeParse(safeJson(line));
      if (!parsed.success) {
        skippedLines++;
        continue;
      }
      const record = parsed.data;
      records++;
      conventions[conventionOf(record)] = (conventions[conventionOf(record)] ?? 0) + 1;
      options.onRecord?.();
      const incidents = extractIncidents(record);
      if (incidents.length === 0) noIncident++;
      if (incidents.length > 1) severalIncidents++;
      const incident = bestMatch(record, incidents);
      const outcomes = scoreRecord(record, incident);
      // Whether the incident scored is the one Vigil ranked first (the report's main event).
      if (incidents.length > 0) outcomes.set('main_event', incident === incidents[0] ? ok : wrong(`ranked ${incidents.indexOf(incident!) + 1} of ${incidents.length}`));
      if (record.latitude != null && record.longitude != null) {
        ceiling.scored++;
        if (outcomes.get('location_25km')?.ok || isReachable(record)) ceiling.reachable++;
      }
      if (incident?.place?.latitude != null && record.country) {
        wrongCountryDots.placed++;
        if (!sameCountry(incident.place.country, record.country)) wrongCountryDots.wrong++;
      }
      if (options.onErrors) {
        const errors = recordErrors(record, incident, outcomes);
        if (errors) options.onErrors(errors);
      }
      const groups = Object.entries(GROUPS).filter(([, test]) => test(record)).map(([name]) => name);
      for (const name of groups) groupCounts.set(name, (groupCounts.get(name) ?? 0) + 1);
      for (const [field, outcome] of outcomes) {
        tally(scores, field, outcome, record.id);
        if (GROUP_FIELDS.includes(field)) {
          for (const name of groups) tally(groupScores.get(name) ?? groupScores.set(name, new Map()).get(name)!, field, outcome, record.id);
        }
      }
      if (record.fatalities !== null && record.fatalities !== undefined) {
        const ours = incident?.fatalities.best ?? 0;
        const key = `gold${record.fatalities === 0 ? 'Zero' : 'Nonzero'}Ours${ours === 0 ? 'Zero' : 'Nonzero'}` as keyof typeof zero;
        zero[key]++;
      }
    }
  }

  return {
    files,
    records,
    skippedLines,
    noIncident,
    severalIncidents,
    fields: Object.fromEntries(SCORED_FIELDS.filter((f) => scores.has(f)).map((f) => [f, summarise(scores.get(f)!)])),
    zeroConfusion: zero,
    groups: Object.fromEntries(
      [...groupScores].map(([name, fieldScores]) => [
        name,
        { records: groupCounts.get(name) ?? 0, fields: Object.fromEntries([...fieldScores].map(([f, s]) => [f, (({ scored, correct, accuracy }) => ({ scored, correct, accuracy }))(summarise(s))])) },
      ]),
    ),
    ceiling: { ...ceiling, share: ceiling.scored ? ceiling.reachable / ceiling.scored : 0 },
    conventions,
    wrongCountryDots,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Whether any gazetteer entry of any place the text names lies within CEILING_KM of the gold point. */
function isReachable(record: GoldRecord): boolean {
  return findMentions(record.text).mentions.some((m) =>
    m.hits.some(({ entry }) => entry.latitude !== null && entry.longitude !== null && kilometres(record.latitude!, record.longitude!, entry.latitude, entry.longitude) <= CEILING_KM),
  );
}

/** The gold and our value of each field, as `--errors` prints them. */
function fieldValues(r: GoldRecord, i: Incident | null): Record<string, [unknown, unknown]> {
  const fatalities: [unknown, unknown] = [r.fatalities, i?.fatalities.best ?? 0];
  const place: [unknown, unknown] = [
    { location: r.location, admin1: r.admin1, country: r.country, latitude: r.latitude, longitude: r.longitude },
    i?.place ? { location: i.place.name, admin1: i.place.admin1, country: i.place.country, latitude: i.place.latitude, longitude: i.place.longitude, precision: i.place.geoPrecision, km: distanceKm(r, i) === null ? null : Math.round(distanceKm(r, i)!) } : null,
  ];
  return {
    fatalities,
    fatalities_low: [r.fatalities_low, i?.fatalities.low],
    fatalities_high: [r.fatalities_high, i?.fatalities.high],
    date: [r.date, i?.date],
    event_type: [r.event_type, i?.eventType],
    sub_event_type: [r.sub_event_type, i?.subEventType],
    actor1: [r.actor1, i?.actor1],
    country: [r.country, i?.place?.country],
    admin1: [r.admin1, i?.place?.admin1],
    location: place,
  };
}

function recordErrors(r: GoldRecord, incident: Incident | null, outcomes: Map<Field, Outcome>): RecordErrors | null {
  const values = fieldValues(r, incident);
  const errors: RecordErrors['errors'] = {};
  for (const [field, outcome] of outcomes) {
    if (outcome.ok) continue;
    // The fatality and location variants share one value pair: the first wrong one reports it.
    const key = field.startsWith('fatalities_') && !(field in values) ? 'fatalities' : field.startsWith('location_') ? 'location' : field;
    if (errors[key]) continue;
    const [gold, ours] = values[key] ?? [null, null];
    errors[key] = { kind: outcome.kind, gold: gold ?? null, ours: ours ?? null };
  }
  return Object.keys(errors).length ? { id: r.id, text: r.text, errors } : null;
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

/** The narrative alone, published the day after the event unless the record says otherwise. */
export function extractIncidents(record: GoldRecord): Incident[] {
  const published = record.published?.slice(0, 10) ?? (record.date ? shiftDate(record.date, 1) : null);
  const { report, drafts } = analyse({ origin: record.id, url: null, title: null, sourceName: null, published, format: 'text', content: record.text });
  return drafts.map((draft, index) => incidentFromDraft(draft, report.id, index, conventionOf(record)));
}

/** The codebook a record was coded by, whose convention counts tolls told without a number: UCDP's for UCDP records, ACLED's otherwise. */
export function conventionOf(record: Pick<GoldRecord, 'dataset'>): CodingConvention {
  return record.dataset?.toLowerCase().startsWith('ucdp') ? 'ucdp' : 'acled';
}

function bestMatch(record: GoldRecord, incidents: Incident[]): Incident | null {
  let best: Incident | null = null;
  let bestScore = -Infinity;
  for (const incident of incidents) {
    let score = incident.date === record.date ? 2 : 0;
    const distance = distanceKm(record, incident);
    if (distance !== null) score += distance < 50 ? 1 - distance / 100 : 0;
    if (score > bestScore) {
      best = incident;
      bestScore = score;
    }
  }
  return best;
}

function distanceKm(record: GoldRecord, incident: Incident): number | null {
  const p = incident.place;
  if (record.latitude == null || record.longitude == null || p?.latitude == null || p.longitude == null) return null;
  return kilometres(record.latitude, record.longitude, p.latitude, p.longitude);
}

type Outcome = { ok: true } | { ok: false; kind: string };
const ok: Outcome = { ok: true };
const wrong = (kind: string): Outcome => ({ ok: false, kind });

/** Every scorable field of one record: fields the gold leaves null are not scored. */
function scoreRecord(r: GoldRecord, incident: Incident | null): Map<Field, Outcome> {
  const out = new Map<Field, Outcome>();
  const set = (field: Field, when: boolean, outcome: () => Outcome) => {
    if (when) out.set(field, incident ? outcome() : wrong('no incident extracted'));
  };
  const i = incident!;
  const gold = r.fatalities;
  const hasGold = gold !== null && gold !== undefined;
  set('fatalities', hasGold, () => fatalityOutcome(gold!, i.fatalities.best ?? 0));
  set('fatalities_nonzero', hasGold && gold! > 0, () => fatalityOutcome(gold!, i.fatalities.best ?? 0));
  set('fatalities_within_1', hasGold, () => (Math.abs((i.fatalities.best ?? 0) - gold!) <= 1 ? ok : fatalityOutcome(gold!, i.fatalities.best ?? 0)));
  set('fatalities_within_10pct', hasGold, () => (Math.abs((i.fatalities.best ?? 0) - gold!) <= gold! * 0.1 ? ok : fatalityOutcome(gold!, i.fatalities.best ?? 0)));
  set('fatalities_low', r.fatalities_low != null, () => (i.fatalities.low === r.fatalities_low ? ok : wrong('different low')));
  set('fatalities_high', r.fatalities_high != null, () => (i.fatalities.high === r.fatalities_high ? ok : wrong('different high')));
  set('fatalities_range_holds_gold', hasGold, () => ((i.fatalities.low ?? 0) <= gold! && gold! <= (i.fatalities.high ?? 0) ? ok : fatalityOutcome(gold!, i.fatalities.best ?? 0)));
  // A note with no publication date and no date in its text cannot be dated by reading: the harness
  // publishes it the day after the gold date, so a day-before fallback would score by construction.
  const unstated = !r.published && !statesADate(r.text);
  set(unstated ? 'date_unstated' : 'date', Boolean(r.date), () => dateOutcome(r.date!, i.date));
  const legacy = r.event_type ? legacyTypes.get(r.event_type) : undefined;
  set('event_type', Boolean(r.event_type), () =>
    (legacy ? legacy.some((l) => l.eventType === i.eventType) : i.eventType === r.event_type) ? ok : wrong(`${r.event_type} -> ${i.eventType}`),
  );
  set('sub_event_type', Boolean(r.sub_event_type), () => (i.subEventType === r.sub_event_type ? ok : wrong(`${r.sub_event_type} -> ${i.subEventType}`)));
  set('actor1', Boolean(r.actor1), () => (sameActor1(r, i) ? ok : wrong(i.actor1 ? `${r.actor1} -> ${i.actor1}` : `${r.actor1} -> none`)));
  set('country', Boolean(r.country), () => (sameCountry(i.place?.country, r.country) ? ok : wrong(i.place?.country ? `${r.country} -> ${i.place.country}` : 'no country')));
  set('admin1', Boolean(r.admin1), () => (sameAdmin1(i.place?.admin1, r.admin1, r.country) ? ok : wrong(i.place?.admin1 ? 'different admin1' : 'no admin1')));
  const hasCoordinates = r.latitude != null && r.longitude != null;
  for (const [field, km] of [['location_10km', 10], ['location_25km', 25], ['location_50km', 50]] as const) {
    set(field, hasCoordinates, () => locationOutcome(distanceKm(r, i), km, i));
  }
  set('location_name', Boolean(r.location || r.admin1), () => {
    const ours = normalisePlace(i.place?.name);
    return ours && [r.location, r.admin2, r.admin1].some((n) => normalisePlace(n) === ours) ? ok : wrong(i.place ? 'different name' : 'no place');
  });
  return out;
}

/**
 * ACLED's actor1 is the side that acted, named as Vigil names it. UCDP's is side A of a dyad (the
 * government where there is one), whoever acted: it is found among either of Vigil's actors.
 */
function sameActor1(r: GoldRecord, i: Incident): boolean {
  if (conventionOf(r) !== 'ucdp') return normaliseActor(i.actor1) === normaliseActor(r.actor1);
  const ours = [i.actor1, i.actor2].flatMap((names) => (names ?? '').split(';')).filter((name) => name.trim());
  return ours.some((name) => sameUcdpActor(r.actor1!, name));
}

/** Whether a text states the day of something: a day with its number ("3 May", "17/01"), a weekday, "yesterday", "today", "last night". */
function statesADate(text: string): boolean {
  return chrono.en.GB.parse(text, new Date(Date.UTC(2000, 0, 1))).some(
    (r) => (r.start.isCertain('day') && /\d/.test(r.text)) || (r.start.isCertain('weekday') && /\b[A-Z][a-z]{2}/.test(r.text)) || /\b(?:yesterday|today|tonight|last night)\b/i.test(r.text),
  );
}

function fatalityOutcome(gold: number, ours: number): Outcome {
  if (gold === ours) return ok;
  if (ours === 0) return wrong('deaths missed (ours 0)');
  if (gold === 0) return wrong('deaths where gold has none');
  return wrong(ours > gold ? 'too high' : 'too low');
}

function dateOutcome(gold: string, ours: string | null): Outcome {
  if (ours === gold) return ok;
  if (!ours) return wrong('no date');
  const days = Math.round((Date.parse(ours) - Date.parse(gold)) / 86_400_000);
  return wrong(Math.abs(days) <= 7 ? `off by ${days > 0 ? '+' : ''}${days} day(s)` : Math.abs(days) < 366 ? 'off by weeks or months' : 'off by a year or more');
}

function locationOutcome(distance: number | null, limit: number, incident: Incident): Outcome {
  if (distance !== null && distance <= limit) return ok;
  if (!incident.place) return wrong('no place');
  if (incident.place.latitude === null) return wrong('place without coordinates');
  return wrong(distance! > 500 ? 'over 500 km away' : distance! > 100 ? '100-500 km away' : `${limit}-100 km away`);
}

function tally(scores: Map<Field, FieldScore>, field: Field, outcome: Outcome, id: string) {
  const score = scores.get(field) ?? scores.set(field, { scored: 0, correct: 0, errors: new Map() }).get(field)!;
  score.scored++;
  if (outcome.ok) score.correct++;
  else {
    const error = score.errors.get(outcome.kind);
    if (error) error.count++;
    else score.errors.set(outcome.kind, { count: 1, example: id });
  }
}

function summarise(score: FieldScore) {
  return {
    scored: score.scored,
    correct: score.correct,
    accuracy: score.scored ? score.correct / score.scored : 0,
    errors: [...score.errors].map(([kind, e]) => ({ kind, ...e })).sort((a, b) => b.count - a.count).slice(0, 5),
  };
}

export function formatEventsReport(report: EventsReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const rows = Object.entries(report.fields).map(([field, s]) => [
    field,
    String(s.scored),
    pct(s.accuracy),
    s.errors.slice(0, 3).map((e) => `${e.kind} (${e.count})`).join('; '),
  ]);
  const header = ['field', 'scored', 'accuracy', 'most common errors (count)'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => (c === 1 || c === 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`;
  const z = report.zeroConfusion;
  const groupHeader = ['group', 'records', ...GROUP_FIELDS];
  const groupRows = Object.entries(report.groups).map(([name, g]) => [name, String(g.records), ...GROUP_FIELDS.map((f) => (g.fields[f] ? pct(g.fields[f].accuracy) : '-'))]);
  return [
    `Events eval: ${report.records} records from ${report.files.join(', ')} in ${report.seconds.toFixed(1)} s` +
      (report.skippedLines ? ` (${report.skippedLines} unreadable lines skipped)` : ''),
    `No incident extracted: ${report.noIncident}; several incidents in one text (best date/place match scored): ${report.severalIncidents}`,
    `Tolls with no exact number and best estimates follow each record's codebook: ${Object.entries(report.conventions).map(([c, n]) => `${c.toUpperCase()} ${n}`).join(', ')} (README "Evaluation")`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `Fatalities zero vs non-zero: gold 0 / ours 0: ${z.goldZeroOursZero}; gold 0 / ours >0: ${z.goldZeroOursNonzero}; gold >0 / ours 0: ${z.goldNonzeroOursZero}; gold >0 / ours >0: ${z.goldNonzeroOursNonzero}`,
    '',
    `| ${groupHeader.join(' | ')} |`,
    `|${groupHeader.map(() => '---').join('|')}|`,
    ...groupRows.map((r) => `| ${r.join(' | ')} |`),
    '',
    `Geocoding ceiling: ${report.ceiling.reachable} of ${report.ceiling.scored} records with gold coordinates (${pct(report.ceiling.share)}) name a place with a gazetteer entry within ${CEILING_KM} km of the gold point; the others cannot be placed that close by any choice among candidates.`,
    `Wrong-country dots: ${report.wrongCountryDots.wrong} of the ${report.wrongCountryDots.placed} records placed on the map are in another country than the gold's.`,
  ].join('\n');
}
