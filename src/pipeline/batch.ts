// Batched writes: reports are reconciled one by one as before (processReport's logic), but the
// stored-report and candidate lookups are answered from one query per batch (candidates without
// their claims: an incident a report joins is read whole then) and the writes go to the database
// in one transaction per batch. A batch killed half-way leaves
// nothing of itself behind, so a rerun stores it whole.
import type { Analysis, ReportSink } from './index.js';
import type { Store } from '../store/index.js';
import { CANDIDATE_DAYS } from '../reconcile/cluster.js';
import { shiftDate } from '../util/dates.js';
import type { Incident, IncidentCandidate, Report } from '../types.js';

export class BatchWriter implements ReportSink {
  private pending: Array<{ report: Report; incidents: Incident[] }> = [];
  private known = new Set<string>();
  /** The candidates the batch may merge into: as stored, or as the batch left them. */
  private candidates = new Map<string, IncidentCandidate>();
  /** The incidents the batch wrote, whole. */
  private written = new Map<string, Incident>();

  constructor(private readonly store: Store) {}

  /** Loads what the coming analyses will look up: which are stored, and the incidents they may merge into. */
  async prepare(analyses: Analysis[]): Promise<void> {
    for (const id of await this.store.storedReportIds(analyses.map((a) => a.report.id))) this.known.add(id);
    const dates = new Set<string>();
    const countries = new Set<string | null>();
    for (const { drafts } of analyses) {
      for (const { date, place } of drafts) {
        if (!date) continue;
        countries.add(place?.country ?? null);
        for (let shift = -CANDIDATE_DAYS; shift <= CANDIDATE_DAYS; shift++) dates.add(shiftDate(date, shift));
      }
    }
    // Only the countries the reports name: a draft without a country may join an incident in any.
    const inCountries = countries.has(null) ? null : [...countries].filter((c): c is string => c !== null);
    for (const candidate of await this.store.candidatesOnDates([...dates], inCountries)) if (!this.candidates.has(candidate.id)) this.candidates.set(candidate.id, candidate);
  }

  async hasReport(id: string): Promise<boolean> {
    return this.known.has(id);
  }

  /** What Store.candidatesNear answers, from the batch's view (ordered by id so a rerun merges the same way). */
  async candidatesNear(date: string | null, country: string | null, days: number): Promise<IncidentCandidate[]> {
    if (!date) return [];
    const [from, to] = [shiftDate(date, -days), shiftDate(date, days)];
    return [...this.candidates.values()]
      .filter((i) => i.date !== null && i.date >= from && i.date <= to && (!country || i.place?.country === country))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** An incident as the batch left it, or as stored. */
  async getIncident(id: string): Promise<Incident | null> {
    return this.written.get(id) ?? this.store.getIncident(id);
  }

  async saveIngested(report: Report, incidents: Incident[]): Promise<boolean> {
    this.pending.push({ report, incidents });
    this.known.add(report.id);
    for (const incident of incidents) {
      this.candidates.set(incident.id, incident);
      this.written.set(incident.id, incident);
    }
    return true;
  }

  /** Writes the batch in one transaction and forgets it; returns the ids another writer stored first. */
  async flush(): Promise<string[]> {
    const batch = this.pending;
    this.pending = [];
    this.known.clear();
    this.candidates.clear();
    this.written.clear();
    const stored = await this.store.saveIngestedBatch(batch);
    return batch.filter((_, i) => !stored[i]).map((b) => b.report.id);
  }
}
