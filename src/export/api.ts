// The API's answers, built on the export record: the list item is the record with its review,
// the incident page adds evidence spans and the reports that tell it. These zod schemas are the
// only description of the answers: fastify's response schemas and /api/openapi.json come from them.
import { z } from 'zod';
import type { AuditEntry } from '../store/index.js';
import type { Evidence, Incident, IncidentSummary, Report } from '../types.js';
import { exportRecordSchema, exportTallySchema, toExportClaim, toExportFields, toExportTally, type ReportSource } from './index.js';

/** The short id the CLI prints for a report; the API accepts it too. */
export const SHORT_ID_LENGTH = 12;

export const reviewSchema = z.strictObject({
  review_status: z.enum(['new', 'accepted', 'rejected']),
  reviewed_by: z.string().nullable(),
  reviewed_at: z.string().nullable(),
});
export type ApiReview = z.infer<typeof reviewSchema>;

/** A list item: the export record without its claims (the incident page has them), with its review. */
export const incidentItemSchema = exportRecordSchema.omit({ claims: true }).extend(reviewSchema.shape);
export type IncidentItem = z.infer<typeof incidentItemSchema>;

export const incidentPageSchema = z.strictObject({
  incidents: z.array(incidentItemSchema),
  /** Incidents matching the filters, over all pages: counted for the first page (no cursor), null on the next ones. */
  total: z.number().nullable(),
  /** Pass as `cursor` for the next page; null on the last one. */
  next_cursor: z.string().nullable(),
  limit: z.number(),
});
export type IncidentPage = z.infer<typeof incidentPageSchema>;

/** The exact phrase of a report's clean text behind a field: offsets [start, end) into the report's `text`. */
export const evidenceSpanSchema = z.strictObject({
  text: z.string(),
  start: z.number(),
  end: z.number(),
  rule: z.string(),
  report_id: z.string().nullable(),
  note: z.string().nullable(),
});

export const reportRefSchema = z.strictObject({
  id: z.string(),
  short_id: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  published: z.string().nullable(),
});

/** One human decision in the audit log: a review, a merge, a split, a moved report, a field set by hand. */
export const historyEntrySchema = z.strictObject({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  report_id: z.string().nullable(),
  reason: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const incidentDetailSchema = incidentItemSchema.extend({
  claims: exportRecordSchema.shape.claims,
  /** Field name (event_type, location, actor1, ...) to the spans it was read from. */
  evidence: z.record(z.string(), z.array(evidenceSpanSchema)),
  /** Disagreements between sources a reader should see. */
  flags: z.array(z.strictObject({ kind: z.string(), detail: z.string() })),
  reports: z.array(reportRefSchema),
  /** Every human decision on the incident, oldest first. */
  history: z.array(historyEntrySchema),
});
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

/** A phrase of the report an incident's field or claim was read from. */
export const usedSpanSchema = z.strictObject({
  event_id: z.string(),
  /** The field (event_type, location, ...) or `claim` for a claim's phrase. */
  field: z.string(),
  text: z.string(),
  start: z.number(),
  end: z.number(),
  rule: z.string(),
});

export const reportSchema = reportRefSchema.extend({
  language: z.string(),
  /** The clean text every offset points into: data, never markup. */
  text: z.string(),
  captions: z.array(z.string()),
  tallies: z.array(exportTallySchema),
  /** The phrases the incidents the asker may read took from this report, in text order. */
  spans: z.array(usedSpanSchema),
});
export type ApiReport = z.infer<typeof reportSchema>;

export const reportListSchema = z.strictObject({
  reports: z.array(reportRefSchema.extend({ incidents: z.number() })),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});

export const errorSchema = z.strictObject({ error: z.string() });

export function toIncidentItem(incident: IncidentSummary, reports: Map<string, ReportSource>, review: { status: string; by: string | null; at: string | null }): IncidentItem {
  return { ...toExportFields(incident, reports), review_status: review.status as ApiReview['review_status'], reviewed_by: review.by, reviewed_at: review.at };
}

export function toIncidentDetail(item: IncidentItem, incident: Incident, reports: Map<string, Report>, history: AuditEntry[]): IncidentDetail {
  const evidence = Object.fromEntries(Object.entries(incident.evidence).map(([field, spans]) => [fieldName(field), spans.map(toEvidenceSpan)]));
  return {
    ...item,
    claims: incident.claims.map(toExportClaim),
    evidence,
    flags: incident.flags.map(({ kind, detail }) => ({ kind, detail })),
    reports: incident.reportIds.flatMap((id) => {
      const report = reports.get(id);
      return report ? [toReportRef(report)] : [];
    }),
    history: history.map((entry) => ({ at: entry.at, actor: entry.actor, action: entry.action, report_id: entry.reportId, reason: entry.reason, before: entry.before, after: entry.after })),
  };
}

export function toReportRef(report: Pick<Report, 'id' | 'title' | 'sourceName' | 'url' | 'published'>): z.infer<typeof reportRefSchema> {
  return { id: report.id, short_id: report.id.slice(0, SHORT_ID_LENGTH), title: report.title, outlet: report.sourceName, url: report.url, published: report.published };
}

export function toApiReport(report: Report, incidents: Incident[]): ApiReport {
  const spans = incidents.flatMap((incident) => [
    ...Object.entries(incident.evidence).flatMap(([field, list]) => list.filter((e) => e.reportId === report.id).map((e) => ({ event_id: incident.id, field: fieldName(field), text: e.text, start: e.start, end: e.end, rule: e.rule }))),
    ...incident.claims.filter((c) => c.reportId === report.id).map((c) => ({ event_id: incident.id, field: 'claim', text: c.evidence.text, start: c.evidence.start, end: c.evidence.end, rule: c.evidence.rule })),
  ]);
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { ...toReportRef(report), language: report.language, text: report.text, captions: report.captions, tallies: report.tallies.map((tally) => toExportTally(tally, report)), spans };
}

function toEvidenceSpan(evidence: Evidence): z.infer<typeof evidenceSpanSchema> {
  return { text: evidence.text, start: evidence.start, end: evidence.end, rule: evidence.rule, report_id: evidence.reportId ?? null, note: evidence.note ?? null };
}

/** Evidence keys are the domain's field names (eventType); the contract's are the record's (event_type). */
function fieldName(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
