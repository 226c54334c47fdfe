// The pipeline, written out once: ingest -> clean -> extract -> geocode -> reconcile -> store.
import { createHash } from 'node:crypto';
import { cleanReport } from '../clean/index.js';
import { extract } from '../extract/index.js';
import type { ExtractConfiguration } from '../extract/configuration.js';
import type { IncidentDraft } from '../extract/types.js';
import { geocode } from '../geocode/index.js';
import { CANDIDATE_DAYS } from '../reconcile/cluster.js';
import { bestCandidate, incidentFromDraft, mergeIncidents, type LocatedDraft } from '../reconcile/index.js';
import { signatureOf } from '../reconcile/similarity.js';
import type { Store } from '../store/index.js';
import type { Incident, RawReport, Report, Span } from '../types.js';

export interface ReportOutcome {
  origin: string;
  reportId: string;
  /** False when the same clean text was stored before: nothing was written. */
  stored: boolean;
  incidentsCreated: number;
  incidentsMerged: number;
  /** The incidents the report created or joined (`created` false: it joined one already stored); empty when not stored. */
  incidents: Array<{ id: string; created: boolean }>;
  /** The publication date used: the input's, else the page's; null when neither gave one. */
  published: string | null;
  /** Set when neither the input nor the page gave a publication date. */
  missingPublished: boolean;
}

export interface ProcessOptions {
  /** The extract stage's rules, e.g. with a user-extended actor lexicon (`--actors`); the bundled ones by default. */
  extraction?: ExtractConfiguration;
  now?: () => Date;
}

/** Clean, extract and geocode one report, without touching storage. */
export function analyse(raw: RawReport, options: ProcessOptions = {}) {
  const clean = cleanReport(raw);
  if (!clean.text.trim()) throw new Error('no article text left after cleaning');
  const published = raw.published ?? clean.published;
  const id = createHash('sha256').update(clean.text).digest('hex');
  // Extraction dates events by the day; a publication time orders a voice's figures (src/reconcile/sources.ts).
  const extraction = extract(clean.text, { published: published?.slice(0, 10) ?? null, configuration: options.extraction });
  const report: Report = {
    id,
    url: raw.url,
    title: raw.title ?? clean.title,
    sourceName: raw.sourceName,
    published,
    raw: raw.content,
    text: clean.text,
    captions: clean.captions,
    language: clean.language,
    ingestedAt: (options.now?.() ?? new Date()).toISOString(),
    tallies: extraction.tallies.map((tally) => ({ ...tally, reportId: id, evidence: { ...tally.evidence, reportId: id }, sentence: { ...tally.sentence, reportId: id } })),
  };
  // Another incident's sentences name that incident's place: not a fallback for this one.
  const drafts = extraction.incidents.map((draft, i) => ({ ...locate(draft, clean.text, extraction.incidents.filter((_, k) => k !== i).flatMap((other) => other.focus)), published }));
  return { report, clean, extraction, drafts };
}

/**
 * Context read around an incident for its place, each side of its sentences. A news report's
 * whole text fits; in a longer one the clues far away are dropped, because geocoding costs grow
 * faster than the text (each mention is weighed against the others) and a report must cost time
 * in proportion to its length.
 */
const PLACE_CONTEXT = 16_000;

/** Where an incident happened: the place named in its own sentences, with the text around them as context. */
export function locate(draft: IncidentDraft, text: string, otherIncidents: Span[] = []): LocatedDraft {
  const [from, to] = contextOf(draft.focus, text.length);
  const inside = (span: Span) => span.start >= from && span.end <= to;
  const shift = <T extends Span>(span: T, by: number): T => ({ ...span, start: span.start + by, end: span.end + by });
  const result = geocode(from === 0 && to === text.length ? text : text.slice(from, to), {
    focus: draft.focus.filter(inside).map((span) => shift(span, -from)),
    elsewhere: otherIncidents.filter(inside).map((span) => shift(span, -from)),
  });
  const evidence = result.evidence.length > 0 ? { ...draft.evidence, location: result.evidence.map((e) => shift(e, from)) } : draft.evidence;
  const told = draft.focus.map((span) => text.slice(span.start, span.end)).join('\n');
  return { ...draft, place: result.place, evidence, signature: signatureOf(told || text) };
}

/** The stretch of text geocoded for an incident whose sentences are `focus`: PLACE_CONTEXT either side of them (of the first, when they lie far apart). */
function contextOf(focus: Span[], length: number): [number, number] {
  if (length <= 2 * PLACE_CONTEXT || focus.length === 0) return [0, length];
  const first = focus[0]!;
  const last = focus.reduce((end, span) => Math.max(end, span.end), first.end);
  const end = last - first.start <= 2 * PLACE_CONTEXT ? last : first.end;
  return [Math.max(0, first.start - PLACE_CONTEXT), Math.min(length, end + PLACE_CONTEXT)];
}

/** What storing needs from a store: the ledger itself, or a batching front for it (src/pipeline/batch.ts). */
export type ReportSink = Pick<Store, 'hasReport' | 'candidatesNear' | 'getIncident' | 'saveIngested'>;

/** A report analysed, ready to reconcile and store (what a worker thread sends back). */
export type Analysis = Pick<ReturnType<typeof analyse>, 'report' | 'drafts'>;

/** Runs one raw report through every stage and stores the result atomically, clustering under the store's clustering lock. */
export async function processReport(raw: RawReport, store: Store, options: ProcessOptions = {}): Promise<ReportOutcome> {
  const analysis = analyse(raw, options);
  return store.serialised((tx) => storeAnalysis(raw.origin, analysis, tx));
}

/** Reconciles an analysed report against the stored incidents and stores it atomically. */
export async function storeAnalysis(origin: string, { report, drafts }: Analysis, store: ReportSink): Promise<ReportOutcome> {
  const outcome: ReportOutcome = {
    origin,
    reportId: report.id,
    stored: false,
    incidentsCreated: 0,
    incidentsMerged: 0,
    incidents: [],
    published: report.published,
    missingPublished: report.published === null,
  };
  if (await store.hasReport(report.id)) return outcome;
  const incidents: Incident[] = [];
  for (const [index, draft] of drafts.entries()) {
    const fresh = incidentFromDraft(draft, report.id, index);
    // Candidates are read without their claims; only the incident the draft joins is read whole.
    const match = bestCandidate(fresh, await store.candidatesNear(draft.date, draft.place?.country ?? null, CANDIDATE_DAYS));
    const joined = match && (await store.getIncident(match.id));
    const incident = joined ? mergeIncidents(joined, fresh) : fresh;
    incidents.push(incident);
    outcome.incidents.push({ id: incident.id, created: !joined });
    if (joined) outcome.incidentsMerged++;
    else outcome.incidentsCreated++;
  }
  outcome.stored = await store.saveIngested(report, incidents);
  if (!outcome.stored) {
    outcome.incidentsCreated = 0;
    outcome.incidentsMerged = 0;
    outcome.incidents = [];
  }
  return outcome;
}
