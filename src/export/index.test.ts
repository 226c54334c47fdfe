import { describe, expect, it } from 'vitest';
import { RAQQA, sampleIncident, sampleReport } from '../../test/fixtures/serve/incident.js';
import type { Report } from '../types.js';
import type { Incident } from '../types.js';
import { exportRecordSchema, exportStream, exportTallySchema, exportWriter, formatTallies, toCsv, toExportRecord, toFeatureCollection, type ExportFormat, type IncidentFeatureCollection } from './index.js';

/** A whole export of these incidents, written by the one writer the streamed export uses. */
function formatExport(incidents: Incident[], sources: Map<string, Report>, format: ExportFormat): string {
  const writer = exportWriter(format);
  return writer.head() + incidents.map((incident) => writer.item(toExportRecord(incident, sources))).join('') + writer.tail();
}

const report = sampleReport();
const reports = new Map<string, Report>([[report.id, report]]);
const incident = sampleIncident(report);

/** Parses our own CSV output (RFC 4180: quoted fields may hold commas, quotes and newlines). */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted && c === '"' && csv[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('toExportRecord', () => {
  it('emits the contract keys in order', () => {
    const record = toExportRecord(incident, reports);
    expect(Object.keys(record)).toEqual([
      'event_id', 'event_date', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'actor2',
      'country', 'admin1', 'location', 'latitude', 'longitude', 'geo_precision', 'fatalities', 'notes', 'source',
      'fatalities_low', 'fatalities_high', 'civilian_fatalities_low', 'civilian_fatalities_high',
      'injured_low', 'injured_high', 'sources_count', 'sites', 'role', 'grade', 'grade_reason', 'claims',
    ]);
    expect(Object.keys(record.claims[0] ?? {})).toEqual([
      'measure', 'victims', 'qualifier', 'low', 'high', 'vague_word', 'stance', 'speaker', 'outlet', 'actor',
      'hedges', 'text', 'start', 'end', 'phrase', 'phrase_start', 'phrase_end', 'rule', 'report_id',
    ]);
    expect(() => exportRecordSchema.parse(record)).not.toThrow();
  });

  it('maps fields and claim evidence', () => {
    const record = toExportRecord(incident, reports);
    expect(record).toMatchObject({ event_id: 'VIG-0001', fatalities: 12, fatalities_high: null, source: 'Example News', location: 'Raqqa' });
    const claim = record.claims[0];
    expect(claim?.text).toBe('At least 12 civilians were killed, a monitor said.');
    expect(report.text.slice(claim?.start, claim?.end)).toBe(claim?.text);
    expect(claim).toMatchObject({ phrase: 'At least 12 civilians were killed', rule: 'KilledPassiveRule', report_id: report.id });
  });

  it('keeps null as null, not "null"', () => {
    const record = toExportRecord(sampleIncident(report, { place: null, actor2: null }), reports);
    expect(record).toMatchObject({ country: null, latitude: null, geo_precision: null, actor2: null, sites: [] });
    expect(formatExport([sampleIncident(report, { place: null })], reports, 'json')).not.toContain('"null"');
  });

  it('names sources, falling back to the URL host, then "unknown"', () => {
    const unnamed = sampleReport({ text: 'other text', sourceName: null, url: 'https://news.example.com/a' });
    const both = new Map([...reports, [unnamed.id, unnamed]]);
    expect(toExportRecord(sampleIncident(report, { reportIds: [report.id, unnamed.id] }), both).source).toBe('Example News; news.example.com');
    const bare = sampleReport({ text: 'bare', sourceName: null, url: null });
    expect(toExportRecord(sampleIncident(bare, { reportIds: [bare.id] }), new Map([[bare.id, bare]])).source).toBe('unknown');
    expect(toExportRecord(incident, new Map()).source).toBe('unknown');
  });
});

describe('formatExport csv', () => {
  it('has the scalar columns, no claims, and sites joined', () => {
    const [header, row] = parseCsv(formatExport([incident], reports, 'csv'));
    expect(header?.[0]).toBe('event_id');
    expect(header).not.toContain('claims');
    expect(header).toContain('sites');
    expect(row?.[header?.indexOf('sites') ?? -1]).toBe('market; al-Hani mosque');
    expect(row?.[header?.indexOf('fatalities_high') ?? -1]).toBe('');
  });

  it('quotes commas, quotes and newlines (RFC 4180)', () => {
    const notes = 'He said "twelve", then\nmore,\r\nlater';
    const csv = formatExport([sampleIncident(report, { notes })], reports, 'csv');
    expect(csv).toContain('"He said ""twelve"", then\nmore,\r\nlater"');
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, row] = parseCsv(csv);
    expect(row?.[header?.indexOf('notes') ?? -1]).toBe(notes);
    expect(row).toHaveLength(header?.length ?? 0);
  });

  it('defuses spreadsheet formulas in text but not negative numbers', () => {
    for (const hostile of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
      const [header, row] = parseCsv(formatExport([sampleIncident(report, { actor1: hostile })], reports, 'csv'));
      expect(row?.[header?.indexOf('actor1') ?? -1]).toBe(`'${hostile}`);
    }
    const west = sampleIncident(report, { place: { ...RAQQA, longitude: -3.7 } });
    const [header, row] = parseCsv(formatExport([west], reports, 'csv'));
    expect(row?.[header?.indexOf('longitude') ?? -1]).toBe('-3.7');
  });
});

describe('formatExport geojson', () => {
  it('puts [longitude, latitude] points and leaves out incidents without coordinates', () => {
    const nowhere = sampleIncident(report, { id: 'VIG-0002', place: { ...RAQQA, latitude: null, longitude: null } });
    const collection = JSON.parse(formatExport([incident, nowhere], reports, 'geojson')) as IncidentFeatureCollection;
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(1);
    expect(collection.skipped_without_coordinates).toBe(1);
    const [feature] = collection.features;
    expect(feature?.geometry).toEqual({ type: 'Point', coordinates: [39.01, 35.95] });
    expect(feature?.properties).toMatchObject({ event_id: 'VIG-0001', sites: 'market; al-Hani mosque' });
    expect(feature?.properties).not.toHaveProperty('claims');
  });
});

describe('formatTallies', () => {
  const claim = incident.claims[0]!;
  const tally = { ...claim, low: 87, high: 87, qualifier: 'exact' as const, period: 'since early 2022', scope: 'in areas held by the council', reportId: report.id };

  it('writes each running tally with its period, scope and report, valid against its schema', () => {
    const [record] = JSON.parse(formatTallies([tally], reports, 'json'));
    expect(record).toMatchObject({ report_id: report.id, source: 'Example News', low: 87, period: 'since early 2022', scope: 'in areas held by the council', phrase: claim.evidence.text });
    expect(() => exportTallySchema.parse(record)).not.toThrow();
  });

  it('writes CSV with a header row', () => {
    const rows = parseCsv(formatTallies([tally], reports, 'csv'));
    expect(rows[0]?.slice(0, 4)).toEqual(['report_id', 'published', 'source', 'url']);
    expect(rows[1]?.[rows[0]!.indexOf('period')]).toBe('since early 2022');
  });
});

describe('exportWriter', () => {
  it('writes, piece by piece, exactly the whole-list export', () => {
    const report = sampleReport();
    const incidents = [sampleIncident(report), sampleIncident(report, { id: 'VIG-0002', place: null })];
    const reports = new Map([[report.id, report]]);
    const records = incidents.map((incident) => toExportRecord(incident, reports));
    expect(formatExport(incidents, reports, 'json')).toBe(`${JSON.stringify(records, null, 2)}\n`);
    expect(formatExport(incidents, reports, 'geojson')).toBe(`${JSON.stringify(toFeatureCollection(records), null, 2)}\n`);
    expect(formatExport(incidents, reports, 'csv')).toBe(toCsv(records));
    expect(formatExport([], reports, 'json')).toBe('[]\n');
    expect(formatExport([], reports, 'geojson')).toBe(`${JSON.stringify(toFeatureCollection([]), null, 2)}\n`);
  });

  it('streams page after page, as the whole list would be written', async () => {
    const report = sampleReport();
    const incidents = ['VIG-1', 'VIG-2', 'VIG-3'].map((id) => sampleIncident(report, { id }));
    const store = {
      incidentPage: async ({ cursor }: { cursor?: string }) => (cursor ? { incidents: incidents.slice(2), nextCursor: null } : { incidents: incidents.slice(0, 2), nextCursor: 'next' }),
      reportSources: async () => [report],
    };
    let streamed = '';
    for await (const piece of exportStream(store, {}, 'csv')) streamed += piece;
    expect(streamed).toBe(formatExport(incidents, new Map([[report.id, report]]), 'csv'));
  });
});
