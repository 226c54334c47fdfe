// Batched writes: reports are reconciled one by one as before (processReport's logic), but the
// stored-report and candidate lookups are answered from one query per batch (candidates without
// their claims: an incident a report joins is read whole then) and the writes go to the database
// in one transaction per batch. A batch killed half-way leaves
// nothing of itself behind, so a rerun stores it whole.
import type { Analysis, ReportSink } from './index.js';
import type { Store } from '../store/index.js';
import { CANDIDATE_DAYS, tellsCasualties } from '../reconcile/cluster.js';
import { shiftDate } from '../util/dates.js';
import type { Incident, IncidentCandidate, Report } from '../types.js';

export class BatchWriter implements ReportSink {
  private pending: Array<{ report: Report; incidents: Incident[] }> = [];
  private known = new Set<string>();
  /** The candidates the batch may merge into, as stored or as the batch left them, by country (null: none known) and id. */
  private candidates = new Map<string | null, Map<string, IncidentCandidate>>();
  /** The incidents the batch wrote, whole. */
  private written = new Map<string, Incident>();

  constructor(private readonly store: Store) {}

  /** Loads what the coming analyses will look up: which are stored, and the incidents they may merge into. */
  async prepare(analyses: Analysis[]): Promise<void> {
    for (const id of await this.store.storedReportIds(analyses.map((a) => a.report.id))) this.known.add(id);
    // The days around each draft's date, per country: a draft without a country may join an incident in any.
    const days = new Map<string | null, Set<string>>();
    for (const { drafts } of analyses) {
      for (const { date, place } of drafts) {
        if (!date) continue;
        const country = place?.country ?? null;
        const dates = days.get(country) ?? days.set(country, new Set()).get(country)!;
        for (let shift = -CANDIDATE_DAYS; shift <= CANDIDATE_DAYS; shift++) dates.add(shiftDate(date, shift));
      }
    }
    const windows = [...days].map(([country, dates]) => ({ country, dates: [...dates] }));
    for (const candidate of await this.store.candidatesOnDates(windows)) if (!this.find(candidate.id)) this.remember(candidate);
  }

  async hasReport(id: string): Promise<boolean> {
    return this.known.has(id);
  }

  /** What Store.candidatesNear answers, from the batch's view (ordered by id so a rerun merges the same way). */
  async candidatesNear(date: string | null, country: string | null, days: number): Promise<IncidentCandidate[]> {
    if (!date) return [];
    const [from, to] = [shiftDate(date, -days), shiftDate(date, days)];
    const inCountry = country ? [this.candidates.get(country)?.values() ?? []] : [...this.candidates.values()].map((byId) => byId.values());
    return inCountry
      .flatMap((list) => [...list])
      .filter((i) => i.date !== null && i.date >= from && i.date <= to)
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
      this.remember({ ...incident, casualties: tellsCasualties(incident.claims) });
      this.written.set(incident.id, incident);
    }
    return true;
  }

  private find(id: string): IncidentCandidate | undefined {
    for (const byId of this.candidates.values()) if (byId.has(id)) return byId.get(id);
    return undefined;
  }

  /** Files a candidate under its country, in place of any earlier state of it (a merge may move it). */
  private remember(candidate: IncidentCandidate): void {
    for (const byId of this.candidates.values()) byId.delete(candidate.id);
    const country = candidate.place?.country ?? null;
    (this.candidates.get(country) ?? this.candidates.set(country, new Map()).get(country)!).set(candidate.id, candidate);
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
