// Human decisions: merge two incidents, split reports off one, move a report between incidents,
// set a field by hand. Each runs in one transaction under the clustering lock and writes its
// audit row (who, when, why, the incident before and after) with it. The links a person made
// and the fields a person set are pinned: machine clustering and new reports never undo them.
import { createHash } from 'node:crypto';
import type { AuditEntry, Store } from '../store/index.js';
import { acledTyping, GRADES, type Evidence, type Incident } from '../types.js';
import { derive, mergeIncidents as combine } from './index.js';

export interface Decider {
  /** Who decides (a user name). */
  actor: string;
  /** Why, in their words. */
  reason?: string | null;
}

/** A decision that cannot be made as asked (unknown id, a report not in the incident...): the message says which. */
export class DecisionError extends Error {}

/** Merges `otherId` into `keepId`: one incident with every report and claim of both; `otherId` is gone. */
export async function mergeIncidents(store: Store, keepId: string, otherId: string, who: Decider): Promise<Incident> {
  if (keepId === otherId) throw new DecisionError(`cannot merge ${keepId} with itself`);
  return store.serialised(async (tx) => {
    const [keep, other] = [await existing(tx, keepId), await existing(tx, otherId)];
    const merged = combine(keep, other);
    await tx.deleteIncidents([otherId]);
    await tx.writeDecided([merged]);
    const after = await existing(tx, keepId);
    await record(tx, who, 'merge', keepId, null, { kept: snapshot(keep), merged: snapshot(other) }, snapshot(after));
    await record(tx, who, 'merged-into', otherId, null, snapshot(other), { into: keepId });
    return after;
  });
}

/** Splits `reportIds` off an incident into a new one; returns [the incident left, the new one]. */
export async function splitIncident(store: Store, incidentId: string, reportIds: string[], who: Decider): Promise<[Incident, Incident]> {
  return store.serialised(async (tx) => {
    const incident = await existing(tx, incidentId);
    const leaving = new Set(reportIds.map((id) => reportOf(incident, id)));
    if (leaving.size === incident.reportIds.length) throw new DecisionError(`splitting every report off ${incidentId} leaves it empty: name only the reports that leave`);
    const staying = incident.reportIds.filter((id) => !leaving.has(id));
    const newId = `VIG-${createHash('sha256').update(`split:${incidentId}:${[...leaving].sort().join(',')}`).digest('hex').slice(0, 12)}`;
    const left = restrictTo(incident, staying, incidentId);
    const part = restrictTo(incident, [...leaving], newId);
    await tx.writeDecided([left, part]);
    const [leftAfter, partAfter] = [await existing(tx, incidentId), await existing(tx, newId)];
    await record(tx, who, 'split', incidentId, null, snapshot(incident), { kept: snapshot(leftAfter), splitOff: snapshot(partAfter) });
    await record(tx, who, 'split-from', newId, null, { from: incidentId }, snapshot(partAfter));
    return [leftAfter, partAfter];
  });
}

/**
 * Moves a report (its claims and evidence) into another incident. `from` names the incident it
 * leaves when it tells several; an incident left with no report is deleted.
 */
export async function moveReport(store: Store, reportId: string, toIncidentId: string, who: Decider & { from?: string }): Promise<Incident> {
  return store.serialised(async (tx) => {
    const target = await existing(tx, toIncidentId);
    const fullId = await storedReportId(tx, reportId);
    const links = (await tx.incidentsOfReport(fullId)).map((l) => l.incidentId);
    if (target.reportIds.includes(fullId)) throw new DecisionError(`report ${reportId} is already in ${toIncidentId}`);
    const sources = links.filter((id) => id !== toIncidentId && (!who.from || id === who.from));
    if (sources.length === 0) throw new DecisionError(who.from ? `report ${reportId} is not in ${who.from}` : `report ${reportId} is in no incident`);
    if (sources.length > 1) throw new DecisionError(`report ${reportId} tells ${sources.length} incidents (${sources.join(', ')}): say which it leaves with --from`);
    const source = await existing(tx, sources[0]!);
    const staying = source.reportIds.filter((id) => id !== fullId);
    const moved = combine(target, restrictTo(source, [fullId], toIncidentId));
    if (staying.length === 0) await tx.deleteIncidents([source.id]);
    await tx.writeDecided(staying.length === 0 ? [moved] : [restrictTo(source, staying, source.id), moved]);
    const after = await existing(tx, toIncidentId);
    await record(tx, who, 'move-in', toIncidentId, fullId, { incident: snapshot(target), from: source.id }, snapshot(after));
    await record(tx, who, 'move-out', source.id, fullId, snapshot(source), staying.length === 0 ? { deleted: true, to: toIncidentId } : { ...snapshot(await existing(tx, source.id)), to: toIncidentId });
    return after;
  });
}

/** Fields a person may set, by export-record name, with the column each sets and the kind of value it takes. */
const SETTABLE_FIELDS = {
  event_date: { column: 'event_date', kind: 'date' },
  event_type: { column: 'event_type', kind: 'text' },
  sub_event_type: { column: 'sub_event_type', kind: 'text' },
  actor1: { column: 'actor1', kind: 'text' },
  actor2: { column: 'actor2', kind: 'text' },
  country: { column: 'country', kind: 'text' },
  admin1: { column: 'admin1', kind: 'text' },
  location: { column: 'location', kind: 'text' },
  latitude: { column: 'latitude', kind: 'number' },
  longitude: { column: 'longitude', kind: 'number' },
  fatalities: { column: 'fatalities_best', kind: 'count' },
  fatalities_low: { column: 'fatalities_low', kind: 'count' },
  fatalities_high: { column: 'fatalities_high', kind: 'count' },
  civilian_fatalities_low: { column: 'civilian_fatalities_low', kind: 'count' },
  civilian_fatalities_high: { column: 'civilian_fatalities_high', kind: 'count' },
  injured_low: { column: 'injured_low', kind: 'count' },
  injured_high: { column: 'injured_high', kind: 'count' },
  notes: { column: 'notes', kind: 'text' },
  grade: { column: 'grade', kind: 'grade' },
  grade_reason: { column: 'grade_reason', kind: 'text' },
} as const;
export type SettableField = keyof typeof SETTABLE_FIELDS;
export const SETTABLE_FIELD_NAMES = Object.keys(SETTABLE_FIELDS) as SettableField[];

/** Sets one field by hand (`null` clears it); it keeps this value whatever reports join later. */
export async function setIncidentField(store: Store, incidentId: string, field: string, value: string | null, who: Decider): Promise<Incident> {
  const spec = (SETTABLE_FIELDS as Record<string, (typeof SETTABLE_FIELDS)[SettableField]>)[field];
  if (!spec) throw new DecisionError(`cannot set "${field}": settable fields are ${SETTABLE_FIELD_NAMES.join(', ')}`);
  const parsed = parseValue(field, spec.kind, value);
  return store.serialised(async (tx) => {
    const before = await existing(tx, incidentId);
    if (spec.column === 'event_type' || spec.column === 'sub_event_type') {
      if (parsed === null) throw new DecisionError(`${field} cannot be empty`);
      const eventType = spec.column === 'event_type' ? String(parsed) : before.eventType;
      const subEventType = spec.column === 'sub_event_type' ? String(parsed) : before.subEventType;
      try {
        acledTyping(eventType, subEventType);
      } catch (error) {
        throw new DecisionError(`${(error as Error).message}; set sub_event_type first when changing both`);
      }
    }
    await tx.pinFields(incidentId, { [spec.column]: parsed });
    const after = await existing(tx, incidentId);
    await record(tx, who, 'set', incidentId, null, { [field]: valueOf(before, field) }, { [field]: valueOf(after, field) });
    return after;
  });
}

/** The incident's audit log, oldest first. */
export function incidentHistory(store: Store, incidentId: string): Promise<AuditEntry[]> {
  return store.auditOf(incidentId);
}

async function existing(store: Store, id: string): Promise<Incident> {
  const incident = await store.getIncident(id);
  if (!incident) throw new DecisionError(`no incident with id ${id} (list them with: vigil incidents)`);
  return incident;
}

/** The full id of a report of `incident` named by its id or a prefix of it (`vigil show` prints 12 characters). */
function reportOf(incident: Incident, id: string): string {
  const matches = incident.reportIds.filter((r) => r.startsWith(id));
  if (matches.length === 1) return matches[0]!;
  throw new DecisionError(matches.length === 0 ? `report ${id} is not in ${incident.id} (its reports: ${incident.reportIds.map((r) => r.slice(0, 12)).join(', ')})` : `report prefix ${id} names ${matches.length} reports of ${incident.id}: give more characters`);
}

/** The full id of a stored report named by its id or a prefix of it. */
async function storedReportId(store: Store, id: string): Promise<string> {
  const matches = await store.reportIdsStartingWith(id);
  if (matches.length === 1) return matches[0]!;
  throw new DecisionError(matches.length === 0 ? `no report with id ${id}` : `report prefix ${id} names several reports: give more characters`);
}

/** The incident told by only some of its reports: their claims and evidence, figures derived again. */
function restrictTo(incident: Incident, reportIds: string[], id: string): Incident {
  const keep = new Set(reportIds);
  const ours = (e: { reportId?: string }) => e.reportId === undefined || keep.has(e.reportId);
  const evidence: Record<string, Evidence[]> = Object.fromEntries(Object.entries(incident.evidence).map(([field, list]) => [field, list.filter(ours)]));
  return derive({ ...incident, id, reportIds: incident.reportIds.filter((r) => keep.has(r)), claims: incident.claims.filter(ours), evidence }, 'acled');
}

/** What the audit log keeps of an incident: its coded fields and reports, not every claim. */
function snapshot(incident: Incident) {
  const p = incident.place;
  return {
    id: incident.id,
    event_date: incident.date,
    event_type: incident.eventType,
    sub_event_type: incident.subEventType,
    location: p?.name ?? null,
    admin1: p?.admin1 ?? null,
    country: p?.country ?? null,
    latitude: p?.latitude ?? null,
    longitude: p?.longitude ?? null,
    actor1: incident.actor1,
    actor2: incident.actor2,
    fatalities_low: incident.fatalities.low,
    fatalities: incident.fatalities.best,
    fatalities_high: incident.fatalities.high,
    civilian_fatalities_low: incident.civilianFatalities.low,
    civilian_fatalities_high: incident.civilianFatalities.high,
    injured_low: incident.injured.low,
    injured_high: incident.injured.high,
    sources_count: incident.sourcesCount,
    grade: incident.grade,
    grade_reason: incident.gradeReason,
    notes: incident.notes,
    report_ids: incident.reportIds,
  };
}

function valueOf(incident: Incident, field: string): unknown {
  return (snapshot(incident) as Record<string, unknown>)[field] ?? null;
}

function parseValue(field: string, kind: 'date' | 'text' | 'number' | 'count' | 'grade', value: string | null): string | number | null {
  if (value === null) return null;
  const text = value.trim();
  if (kind === 'grade') {
    if (!(GRADES as readonly string[]).includes(text)) throw new DecisionError(`grade must be one of ${GRADES.join(', ')}, got "${value}"`);
    return text;
  }
  if (kind === 'text') return text === '' ? null : text;
  if (kind === 'date') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) throw new DecisionError(`${field} must be a date YYYY-MM-DD, got "${value}"`);
    return text;
  }
  const number = Number(text);
  if (text === '' || !Number.isFinite(number) || (kind === 'count' && (!Number.isInteger(number) || number < 0))) throw new DecisionError(`${field} must be ${kind === 'count' ? 'a whole number, 0 or more' : 'a number'}, got "${value}"`);
  return number;
}

async function record(store: Store, who: Decider, action: string, incidentId: string, reportId: string | null, before: unknown, after: unknown): Promise<void> {
  await store.appendAudit({ at: new Date().toISOString(), actor: who.actor, action, incidentId, reportId, reason: who.reason ?? null, before, after });
}
