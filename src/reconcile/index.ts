import { lexiconRows } from '../extract/lexicon.js';
// The reconcile stage: located incident drafts from one report, plus the stored incidents they
// might repeat, in; incidents to save out. A draft joins the incident the clustering rule
// (cluster.ts) matches, keeping every claim; figures, sources and grade are derived again.
import { createHash } from 'node:crypto';
import type { Claim, Evidence, Incident, IncidentCandidate, IncidentRole, Place } from '../types.js';
import type { IncidentDraft } from '../extract/types.js';
import { bestMatch, clusterItemOf } from './cluster.js';
import type { CodingConvention } from './conventions.js';
import { reconcileSources } from './figures.js';
import { assess, DEFAULT_ACTOR_RULE, sameBelligerent } from './grade.js';
import { addMember } from './similarity.js';
import { independentSources, withoutSuperseded } from './sources.js';
import { describeIncident } from './notes.js';

export interface LocatedDraft extends IncidentDraft {
  place: Place | null;
  /** Term counts of the incident's sentences (src/reconcile/similarity.ts), for clustering; none compares by the other features alone. */
  signature?: number[];
  /** When its report was published, if known: stamped on its claims. */
  published?: string | null;
}

export interface Reconciled {
  incident: Incident;
  /** True when the incident merged into one already stored. */
  merged: boolean;
}

/** Turns one report's drafts into incidents, merging each into the stored incident the clustering rule matches best, if any. */
export function reconcile(drafts: LocatedDraft[], reportId: string, stored: Incident[], firstIndex = 0, convention: CodingConvention = 'acled'): Reconciled[] {
  return drafts.map((draft, offset) => {
    const fresh = incidentFromDraft(draft, reportId, firstIndex + offset, convention);
    const match = bestCandidate(fresh, stored);
    return match ? { incident: mergeIncidents(match, fresh, convention), merged: true } : { incident: fresh, merged: false };
  });
}

/** The candidate the clustering rule matches `fresh` with best, if any. */
export function bestCandidate<T extends Incident | IncidentCandidate>(fresh: Incident, candidates: T[]): T | null {
  return bestMatch(clusterItemOf(fresh), candidates.map((candidate) => ({ ...clusterItemOf(candidate), candidate })))?.candidate ?? null;
}

export function incidentFromDraft(draft: LocatedDraft, reportId: string, index: number, convention: CodingConvention = 'acled'): Incident {
  const country = draft.place?.country ?? null;
  const claims = draft.claims.map((c) => ({ ...withReport(c, reportId), published: draft.published ?? null }));
  const evidence = Object.fromEntries(Object.entries(draft.evidence).map(([field, list]) => [field, list.map((e) => ({ ...e, reportId }))]));
  return derive({
    id: `VIG-${createHash('sha256').update(`${reportId}:${index}`).digest('hex').slice(0, 12)}`,
    role: draft.role,
    eventType: draft.eventType,
    subEventType: draft.subEventType,
    date: draft.date,
    timePrecision: draft.timePrecision,
    place: draft.place,
    actor1: countryConvention(fillCountry(draft.actor1, country), (draft.evidence.actor1 ?? []).map((e) => e.text).join(' ')),
    actor2: fillCountry(draft.actor2, country),
    claims,
    fatalities: { low: null, best: null, high: null },
    civilianFatalities: { low: null, high: null },
    injured: { low: null, high: null },
    sourcesCount: 0,
    grade: null,
    gradeReason: null,
    attribution: [],
    flags: [],
    signature: draft.signature ?? [],
    reportIds: [reportId],
    evidence,
    notes: '',
  }, convention);
}

/** Roles from the most central: an incident one report leads with is a main event, whatever another tells it as. */
const ROLE_RANK: IncidentRole[] = ['main', 'further', 'background'];

/** Merges a new report's incident into a stored one: every claim kept, the most precise fields win. */
export function mergeIncidents(stored: Incident, fresh: Incident, convention: CodingConvention = 'acled'): Incident {
  const claims = [...stored.claims.filter((c) => !fresh.reportIds.includes(c.reportId ?? '')), ...fresh.claims];
  const evidence: Record<string, Evidence[]> = { ...stored.evidence };
  for (const [field, list] of Object.entries(fresh.evidence)) evidence[field] = [...(evidence[field] ?? []), ...list];
  // Another perpetrator named by the joining report: kept, so that the attribution can be contested.
  if (stored.actor1 && fresh.actor1 && !sameBelligerent(stored.actor1, fresh.actor1)) {
    const named = (fresh.evidence.actor1 ?? []).filter((e) => e.rule !== DEFAULT_ACTOR_RULE).map((e) => ({ ...e, note: fresh.actor1! }));
    evidence.actor1_alternative = [...(evidence.actor1_alternative ?? []), ...named];
  }
  const precisePlace = (fresh.place?.geoPrecision ?? 9) < (stored.place?.geoPrecision ?? 9) ? fresh.place : stored.place;
  return derive({
    ...stored,
    subEventType: stored.subEventType,
    // An incident is as central as the most central report of it makes it.
    role: ROLE_RANK.indexOf(fresh.role) < ROLE_RANK.indexOf(stored.role) ? fresh.role : stored.role,
    timePrecision: Math.min(stored.timePrecision, fresh.timePrecision) as Incident['timePrecision'],
    date: fresh.timePrecision < stored.timePrecision ? fresh.date : stored.date,
    place: precisePlace,
    actor1: stored.actor1 ?? fresh.actor1,
    actor2: stored.actor2 ?? fresh.actor2,
    claims,
    reportIds: [...new Set([...stored.reportIds, ...fresh.reportIds])],
    signature: addMember(stored.signature, fresh.signature),
    evidence,
  }, convention);
}

/**
 * Derived fields, recomputed whenever a report joins or leaves: the independent sources, the
 * figures over them, attribution, grade and flags, and the generated note.
 */
export function derive(incident: Incident, convention: CodingConvention): Incident {
  const sources = independentSources(incident.claims, incident.reportIds);
  const { figures, bySource } = reconcileSources(withoutSuperseded(incident.claims), sources, convention);
  const assessment = assess(incident, sources, bySource);
  const done: Incident = {
    ...incident,
    fatalities: figures.fatalities,
    civilianFatalities: figures.civilianFatalities,
    injured: figures.injured,
    sourcesCount: sources.length,
    grade: assessment.grade,
    gradeReason: assessment.reason,
    attribution: assessment.attribution,
    flags: assessment.flags,
    evidence: { ...incident.evidence, fatalities: figureEvidence(incident, figures.rules.fatalities) },
  };
  return { ...done, notes: describeIncident(done) };
}

/** Evidence for the fatality figures: the claims that fed them, under the reconciling rule's name. */
function figureEvidence(incident: Incident, rule: string): Evidence[] {
  const killed = incident.claims.filter((c) => c.measure === 'killed' && c.stance === 'asserts');
  return killed.map((c) => ({ ...c.evidence, reportId: c.reportId, note: `reconciled by ${rule}` }));
}

function withReport(claim: Claim, reportId: string): Claim {
  return { ...claim, reportId, evidence: { ...claim.evidence, reportId }, sentence: { ...claim.sentence, reportId } };
}

const conventions = lexiconRows('country-actors.txt').map(([generic, named, words]) => ({
  generic: generic!,
  named: named!,
  words: words && words !== '-' ? new RegExp(`\\b(?:${words})\\b`, 'i') : null,
}));

/** The name ACLED uses in one country for an actor the text describes generically (data/lexicons/country-actors.txt). */
function countryConvention(name: string | null, described: string): string | null {
  const convention = conventions.find((c) => c.generic === name && (!c.words || c.words.test(described)));
  return convention?.named ?? name;
}

/**
 * Fills `{country}` in an actor name (or a "; "-list of them); without a country the qualifier is
 * dropped. A list that names one actor twice once filled ("Civilians ({country})" beside
 * "Civilians (Syria)") names it once.
 */
export function fillCountry(name: string | null, country: string | null): string | null {
  if (!name) return null;
  const filled = country ? name.replaceAll('{country}', country) : name.replaceAll(' ({country})', '').replaceAll(' of {country}', '');
  return [...new Set(filled.split('; '))].join('; ');
}
