// `vigil recluster`: rebuilds the machine's clustering from the stored reports. Every report is
// read again (extract and geocode its clean text) and clustered in publication order, as ingest
// would; what people decided stays: reports a person placed stay in their incidents, and an
// incident with a field set by hand keeps all its reports.
import { analyse } from './index.js';
import { CANDIDATE_DAYS } from '../reconcile/cluster.js';
import { derive, reconcile } from '../reconcile/index.js';
import type { Store } from '../store/index.js';
import type { Incident } from '../types.js';
import { shiftDate } from '../util/dates.js';

export interface ReclusterSummary {
  reports: number;
  incidentsBefore: number;
  incidentsAfter: number;
  /** Incidents kept as people decided them. */
  keptByHumans: number;
}

/** Reports read again per query. */
const PAGE = 200;

export async function recluster(store: Store, onReport: () => void = () => {}): Promise<ReclusterSummary> {
  return store.serialised(async (tx) => {
    const before = await tx.incidentIds();
    const { links, pinnedIncidentIds } = await tx.humanDecisions();
    const kept = new Map<string, Incident>();
    for (const id of new Set([...links.map((l) => l.incidentId), ...pinnedIncidentIds])) {
      const incident = await tx.getIncident(id);
      if (!incident) continue;
      const placed = new Set(links.filter((l) => l.incidentId === id).map((l) => l.reportId));
      // A pinned incident keeps all its reports; otherwise only the reports a person placed stay.
      const keep = pinnedIncidentIds.includes(id) ? incident.reportIds : incident.reportIds.filter((r) => placed.has(r));
      kept.set(id, derive({ ...incident, reportIds: keep, claims: incident.claims.filter((c) => keep.includes(c.reportId ?? '')) }, 'acled'));
    }
    const settled = new Set([...kept.values()].flatMap((i) => i.reportIds));
    const incidents = new Map<string, Incident>(kept);
    const ids = await tx.reportIdsInOrder();
    for (let i = 0; i < ids.length; i += PAGE) {
      for (const report of await tx.getReports(ids.slice(i, i + PAGE))) {
        onReport();
        if (settled.has(report.id)) continue;
        const { drafts } = analyse({ origin: report.id, url: report.url, title: report.title, sourceName: report.sourceName, published: report.published, format: 'text', content: report.text });
        for (const [index, draft] of drafts.entries()) {
          const candidates = [...incidents.values()].filter((c) => near(c, draft.date, draft.place?.country ?? null));
          const [result] = reconcile([draft], report.id, candidates, index);
          if (result) incidents.set(result.incident.id, result.incident);
        }
      }
    }
    await tx.deleteIncidents(before.filter((id) => !kept.has(id)));
    await tx.writeIncidents([...incidents.values()].filter((i) => !kept.has(i.id) || i.reportIds.length > 0));
    return { reports: ids.length, incidentsBefore: before.length, incidentsAfter: incidents.size, keptByHumans: kept.size };
  });
}

/** Store.candidatesNear's candidate window, in memory. */
function near(incident: Incident, date: string | null, country: string | null): boolean {
  if (!date || !incident.date) return false;
  return incident.date >= shiftDate(date, -CANDIDATE_DAYS) && incident.date <= shiftDate(date, CANDIDATE_DAYS) && (!country || incident.place?.country === country);
}
