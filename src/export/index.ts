// The export contract: one flat, ACLED-like record per incident, as JSON, CSV or GeoJSON.
// Later tools parse this output, so the key order and the null handling are part of the API.
import { z } from 'zod';
import type { IncidentPageQuery } from '../store/index.js';
import { GRADES, type Claim, type Incident, type IncidentSummary, type Report, type Tally } from '../types.js';

export type ExportFormat = 'json' | 'csv' | 'geojson';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'geojson'];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

const text = z.string().nullable();
const count = z.number().nullable();

export const exportClaimSchema = z.strictObject({
  measure: z.string(),
  victims: z.string(),
  qualifier: z.string(),
  low: count,
  high: count,
  vague_word: text,
  stance: z.enum(['asserts', 'denies']),
  speaker: text,
  outlet: text,
  actor: text,
  hedges: z.array(z.string()),
  /** The whole sentence the claim came from, and its offsets in the report's clean text. */
  text: z.string(),
  start: z.number(),
  end: z.number(),
  /** The casualty phrase inside the sentence, its offsets in the clean text, and the rule that read it. */
  phrase: z.string(),
  phrase_start: z.number(),
  phrase_end: z.number(),
  rule: z.string(),
  report_id: text,
});

/** Key order here is the column order of every format. */
export const exportRecordSchema = z.strictObject({
  event_id: z.string(),
  event_date: text,
  time_precision: z.literal([1, 2, 3]),
  event_type: z.string(),
  sub_event_type: z.string(),
  actor1: text,
  actor2: text,
  country: text,
  admin1: text,
  location: text,
  latitude: count,
  longitude: count,
  geo_precision: z.literal([1, 2, 3]).nullable(),
  fatalities: count,
  notes: z.string(),
  source: z.string(),
  fatalities_low: count,
  fatalities_high: count,
  civilian_fatalities_low: count,
  civilian_fatalities_high: count,
  injured_low: count,
  injured_high: count,
  sources_count: z.number(),
  sites: z.array(z.string()),
  /** The incident in the report that first told it: its main event, a further event, or background told for context. */
  role: z.enum(['main', 'further', 'background']),
  /** How sure the reconciliation is (confirmed, fair, weak, contested, discounted), and why. */
  grade: z.enum(GRADES).nullable(),
  grade_reason: text,
  claims: z.array(exportClaimSchema),
});

/** A running tally of a report (`vigil export --tallies`): a count over a period, never an incident's toll. */
export const exportTallySchema = z.strictObject({
  report_id: z.string(),
  published: text,
  source: text,
  url: text,
  measure: z.string(),
  victims: z.string(),
  qualifier: z.string(),
  low: count,
  high: count,
  vague_word: text,
  period: text,
  scope: text,
  speaker: text,
  outlet: text,
  text: z.string(),
  start: z.number(),
  end: z.number(),
  phrase: z.string(),
  rule: z.string(),
});
export type ExportTally = z.infer<typeof exportTallySchema>;
export const TALLY_COLUMNS = Object.keys(exportTallySchema.shape) as Array<keyof ExportTally>;

export type ExportClaim = z.infer<typeof exportClaimSchema>;
export type ExportRecord = z.infer<typeof exportRecordSchema>;
type FlatColumn = Exclude<keyof ExportRecord, 'claims'>;
type FlatRow = Record<FlatColumn, string | number | null>;

/** CSV columns and GeoJSON properties: everything but the claims. */
export const FLAT_COLUMNS = Object.keys(exportRecordSchema.shape).filter((key): key is FlatColumn => key !== 'claims');

/** What a record needs of a report: the outlet's name, or the URL's host when it has none. */
export type ReportSource = Pick<Report, 'id' | 'sourceName' | 'url'>;

export function toExportRecord(incident: Incident, reports: Map<string, ReportSource>): ExportRecord {
  return { ...toExportFields(incident, reports), claims: incident.claims.map(toExportClaim) };
}

/** The record without its claims: what the incident list shows. */
export function toExportFields(incident: IncidentSummary, reports: Map<string, ReportSource>): Omit<ExportRecord, 'claims'> {
  const place = incident.place;
  return {
    event_id: incident.id,
    event_date: incident.date,
    time_precision: incident.timePrecision,
    event_type: incident.eventType,
    sub_event_type: incident.subEventType,
    actor1: incident.actor1,
    actor2: incident.actor2,
    country: place?.country ?? null,
    admin1: place?.admin1 ?? null,
    location: place?.name ?? null,
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    geo_precision: place?.geoPrecision ?? null,
    fatalities: incident.fatalities.best,
    notes: incident.notes,
    source: sourceNames(incident.reportIds, reports),
    fatalities_low: incident.fatalities.low,
    fatalities_high: incident.fatalities.high,
    civilian_fatalities_low: incident.civilianFatalities.low,
    civilian_fatalities_high: incident.civilianFatalities.high,
    injured_low: incident.injured.low,
    injured_high: incident.injured.high,
    sources_count: incident.sourcesCount,
    sites: place?.sites ?? [],
    role: incident.role,
    grade: incident.grade,
    grade_reason: incident.gradeReason,
  };
}

export function toExportTally(tally: Tally, report: Report | undefined): ExportTally {
  return {
    report_id: tally.reportId ?? '',
    published: report?.published ?? null,
    source: report?.sourceName ?? urlHost(report?.url ?? null),
    url: report?.url ?? null,
    measure: tally.measure,
    victims: tally.victims,
    qualifier: tally.qualifier,
    low: tally.low,
    high: tally.high,
    vague_word: tally.vagueWord,
    period: tally.period,
    scope: tally.scope,
    speaker: tally.speaker,
    outlet: tally.outlet,
    text: tally.sentence.text,
    start: tally.sentence.start,
    end: tally.sentence.end,
    phrase: tally.evidence.text,
    rule: tally.evidence.rule,
  };
}

/** Running tallies as JSON or CSV, one record a figure, with the report that gives it. */
export function formatTallies(tallies: Tally[], reports: Map<string, Report>, format: 'json' | 'csv'): string {
  const records = tallies.map((tally) => toExportTally(tally, reports.get(tally.reportId ?? '')));
  return format === 'json' ? `${JSON.stringify(records, null, 2)}\n` : csvOf(TALLY_COLUMNS, records);
}

export function toExportClaim(claim: Claim): ExportClaim {
  return {
    measure: claim.measure,
    victims: claim.victims,
    qualifier: claim.qualifier,
    low: claim.low,
    high: claim.high,
    vague_word: claim.vagueWord,
    stance: claim.stance,
    speaker: claim.speaker,
    outlet: claim.outlet,
    actor: claim.actor,
    hedges: claim.hedges,
    text: claim.sentence.text,
    start: claim.sentence.start,
    end: claim.sentence.end,
    phrase: claim.evidence.text,
    phrase_start: claim.evidence.start,
    phrase_end: claim.evidence.end,
    rule: claim.evidence.rule,
    report_id: claim.reportId ?? claim.evidence.reportId ?? null,
  };
}

/** Distinct source names of the incident's reports, in report order; URL host when a report has no name. */
function sourceNames(reportIds: string[], reports: Map<string, ReportSource>): string {
  const names = new Set<string>();
  for (const id of reportIds) {
    const report = reports.get(id);
    const name = report?.sourceName ?? urlHost(report?.url ?? null);
    if (name) names.add(name);
  }
  return names.size > 0 ? [...names].join('; ') : 'unknown';
}

function urlHost(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/** The sources of these incidents' reports, keyed by id: all a list or an export needs, without the texts. */
export async function loadSources(store: { reportSources(ids: string[]): Promise<ReportSource[]> }, incidents: Incident[]): Promise<Map<string, ReportSource>> {
  const sources = await store.reportSources([...new Set(incidents.flatMap((incident) => incident.reportIds))]);
  return new Map(sources.map((source) => [source.id, source]));
}

/** Reads incidents a page at a time: what a streamed export needs of the store. */
export interface PagedIncidents {
  incidentPage(query: IncidentPageQuery): Promise<{ incidents: Incident[]; nextCursor: string | null }>;
  reportSources(ids: string[]): Promise<ReportSource[]>;
}

/** Incidents read for a streamed export at a time. */
const EXPORT_BATCH = 500;

/**
 * Every incident matching `filter` as an export, piece by piece (newest first), reading the
 * store 500 incidents at a time: memory stays flat whatever the number of incidents.
 */
export async function* exportStream(store: PagedIncidents, filter: IncidentPageQuery, format: ExportFormat): AsyncGenerator<string> {
  const writer = exportWriter(format);
  yield writer.head();
  let cursor: string | undefined;
  do {
    const page = await store.incidentPage({ ...filter, cursor, limit: EXPORT_BATCH });
    const sources = await loadSources(store, page.incidents);
    yield page.incidents.map((incident) => writer.item(toExportRecord(incident, sources))).join('');
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  yield writer.tail();
}

/** The reports an export of these incidents names, keyed by id. */
export async function loadReports(store: { getReports(ids: string[]): Promise<Report[]> }, incidents: Incident[]): Promise<Map<string, Report>> {
  const ids = [...new Set(incidents.flatMap((incident) => incident.reportIds))];
  const reports = await store.getReports(ids);
  return new Map(reports.map((report) => [report.id, report]));
}

/**
 * An export written piece by piece, so that a server can stream any number of records: the
 * pieces joined are exactly what `JSON.stringify(..., null, 2)` or `toCsv` gives for the whole list.
 */
export interface ExportWriter {
  head(): string;
  item(record: ExportRecord): string;
  tail(): string;
}

export function exportWriter(format: ExportFormat): ExportWriter {
  let written = 0;
  let skipped = 0;
  const indent = (json: string, spaces: string) => json.replaceAll('\n', `\n${spaces}`);
  const element = (json: string, spaces: string) => `${written++ === 0 ? '\n' : ',\n'}${spaces}${indent(json, spaces)}`;
  switch (format) {
    case 'json':
      return {
        head: () => '[',
        item: (record) => element(JSON.stringify(record, null, 2), '  '),
        tail: () => (written === 0 ? ']\n' : '\n]\n'),
      };
    case 'csv':
      return { head: () => csvLine(FLAT_COLUMNS), item: (record) => csvRow(FLAT_COLUMNS, flatRow(record)), tail: () => '' };
    case 'geojson':
      return {
        head: () => '{\n  "type": "FeatureCollection",\n  "features": [',
        item: (record) => {
          const feature = toFeature(record);
          if (!feature) {
            skipped += 1;
            return '';
          }
          return element(JSON.stringify(feature, null, 2), '    ');
        },
        tail: () => `${written === 0 ? ']' : '\n  ]'},\n  "skipped_without_coordinates": ${skipped}\n}\n`,
      };
  }
}

function flatRow(record: ExportRecord): FlatRow {
  const row = {} as FlatRow;
  for (const column of FLAT_COLUMNS) {
    const value = record[column];
    row[column] = Array.isArray(value) ? value.join('; ') : value;
  }
  return row;
}

/** RFC 4180 CSV with CRLF line ends and a header row. */
export function toCsv(records: ExportRecord[]): string {
  return csvOf(FLAT_COLUMNS, records.map(flatRow));
}

function csvOf<K extends string>(columns: readonly K[], rows: Array<Record<K, string | number | null>>): string {
  return csvLine(columns) + rows.map((row) => csvRow(columns, row)).join('');
}

function csvRow<K extends string>(columns: readonly K[], row: Record<K, string | number | null>): string {
  return csvLine(columns.map((column) => row[column]));
}

function csvLine(cells: ReadonlyArray<string | number | null>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  // Report text is untrusted: a spreadsheet would run a cell that starts like a formula.
  // Only strings are defused, so that negative coordinates stay numbers.
  const cell = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export interface IncidentFeatureCollection {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    id: string;
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: FlatRow;
  }>;
  /** Incidents left out because they have no coordinates (a GeoJSON foreign member). */
  skipped_without_coordinates: number;
}

type IncidentFeature = IncidentFeatureCollection['features'][number];

function toFeature(record: ExportRecord): IncidentFeature | null {
  if (record.latitude === null || record.longitude === null) return null;
  return { type: 'Feature', id: record.event_id, geometry: { type: 'Point', coordinates: [record.longitude, record.latitude] }, properties: flatRow(record) };
}

export function toFeatureCollection(records: ExportRecord[]): IncidentFeatureCollection {
  const features = records.flatMap((record) => toFeature(record) ?? []);
  return { type: 'FeatureCollection', features, skipped_without_coordinates: records.length - features.length };
}
