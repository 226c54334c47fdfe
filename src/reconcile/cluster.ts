// Clustering: is a newly read incident one already known? A scored rule over the evidence two
// accounts give: text similarity, event type family, dates (by their precision), places (by their
// precision), named perpetrators and shared named sites. Dates that cannot be one event's, and
// one attack told in two towns neither report names the other of, rule a pair out; the rest add
// to or take from the text similarity, and the score decides. Thresholds, bonuses and penalties
// are in CLUSTERING below.
import type { Claim, EventType, Incident, IncidentCandidate, Measure, Place, TimePrecision } from '../types.js';
import { kilometres } from '../util/geo.js';
import { DEFAULT_ACTOR_RULE, sameBelligerent } from './grade.js';
import { mentions, similarity } from './similarity.js';

/** What clustering compares of an incident (or of a report, in `vigil eval clusters`). */
export interface ClusterItem {
  eventType: EventType | null;
  date: string | null;
  timePrecision: TimePrecision;
  place: Place | null;
  /** The perpetrator a report named (not ACLED's default actor), if any. */
  actor1: string | null;
  /** Term counts of its reports' sentences (src/reconcile/similarity.ts). */
  signature: number[];
  /** Whether its reports tell of people killed or injured (CLUSTERING.twoTownsTypes). */
  casualties: boolean;
}

export const CLUSTERING = {
  /** Days two dates may lie apart, by the coarser time precision: reports of one event date it a day apart; a week; a month. */
  dateWindow: { 1: 1, 2: 7, 3: 31 } as Record<TimePrecision, number>,
  /** Kilometres two places with coordinates may lie apart, by the coarser geo precision (1 the town itself, 2 near it); province-level places compare by province. */
  distance: { 1: 10, 2: 30 } as Record<1 | 2, number>,
  /**
   * Score (text similarity plus the bonuses and less the penalties below) at which two accounts
   * are one incident. Text similarity is the cosine of names and numbers (weight 0.7) and of all
   * terms (0.3), against all of an incident's reports: wire copies and reprints score 0.8 and
   * more, two reports of one event by different outlets mostly 0.25-0.6 (median 0.43 on ECB+),
   * two reports of similar events of the same kind mostly below 0.25 (median 0.13).
   */
  threshold: 0.22,
  /** Added for each feature on which the two agree: the evidence that makes a middling text similarity enough. */
  bonus: { type: 0.01, date: 0.02, place: 0.03, site: 0.06, perpetrator: 0.02 },
  /**
   * Subtracted for a disagreement: types, perpetrators, places apart (another country, or further
   * than the distance allowed). The extractor and geocoder err, so a disagreement asks for a
   * closer text rather than ruling a pair out: a wire copy stays one incident whatever was misread.
   */
  penalty: { type: 0.01, perpetrator: 0.03, place: 0.03 },
  /**
   * Attacks of one of these types, both telling of people killed or injured, in two towns (each
   * coded as the town itself, further apart than the distance allowed) are two events when neither
   * report names the other's town: two strikes the same day, however alike their templated texts.
   * Other news (a celebrity, a company, a match), which the extractor may still type as an attack and
   * the geocoder place in a wrong town, only takes the place penalty.
   */
  twoTownsTypes: ['Battles', 'Explosions/Remote violence', 'Violence against civilians'] as EventType[],
  /** Event types that may be one incident told two ways (ACLED families): a strike reported as a battle. */
  compatibleTypes: [
    ['Battles', 'Explosions/Remote violence'],
    ['Explosions/Remote violence', 'Violence against civilians'],
    ['Protests', 'Riots'],
  ] as Array<[EventType, EventType]>,
};

/** Days either side of a report's date searched for candidates: a week (ACLED's week precision). */
export const CANDIDATE_DAYS = 7;

/** What clustering compares of a stored incident (read whole, or only as a candidate). */
export function clusterItemOf(incident: Incident | IncidentCandidate): ClusterItem {
  const named = (incident.evidence.actor1 ?? []).some((e) => e.rule !== DEFAULT_ACTOR_RULE);
  const casualties = 'claims' in incident ? tellsCasualties(incident.claims) : incident.casualties;
  return { eventType: incident.eventType, date: incident.date, timePrecision: incident.timePrecision, place: incident.place, actor1: named ? incident.actor1 : null, signature: incident.signature, casualties };
}

/** The measures of people killed or injured (a candidate's `casualties` is read from its claims by them: src/store/store.ts). */
export const CASUALTY_MEASURES: Measure[] = ['killed', 'injured'];

/** Whether claims tell of people killed or injured. */
export function tellsCasualties(claims: Claim[]): boolean {
  return claims.some((c) => CASUALTY_MEASURES.includes(c.measure));
}

export interface Verdict {
  same: boolean;
  /** Text similarity with bonuses and penalties: ranks the candidates that are all "same". */
  score: number;
  /** Why: the features that decided, for the evidence trail. */
  reason: string;
}

/**
 * Whether `a` and `b` are one incident, and why. Dates further apart than their precision allows
 * rule a pair out; otherwise the score decides. A place that is only a country adds nothing (a
 * country-level place never merges by place alone).
 */
export function sameIncident(a: ClusterItem, b: ClusterItem): Verdict {
  const text = similarity(a.signature, b.signature);
  const no = (reason: string): Verdict => ({ same: false, score: text, reason });
  const days = a.date && b.date ? Math.abs(Date.parse(a.date) - Date.parse(b.date)) / 86_400_000 : null;
  const window = CLUSTERING.dateWindow[Math.max(a.timePrecision, b.timePrecision) as TimePrecision];
  if (days !== null && days > window) return no(`dates ${a.date} and ${b.date} more than ${window} day(s) apart`);
  const place = comparePlaces(a.place, b.place);
  if (place === 'apart' && twoTowns(a, b)) return no(`attacks in ${a.place!.name} and ${b.place!.name}, neither told of in the other's report`);
  const { bonus, penalty } = CLUSTERING;
  const reasons = [`text ${text.toFixed(2)}`];
  let score = text;
  const adjust = (by: number, why: string) => {
    score += by;
    reasons.push(`${by > 0 ? '+' : ''}${by} ${why}`);
  };
  if (a.eventType && b.eventType) adjust(compatible(a.eventType, b.eventType) ? bonus.type : -penalty.type, a.eventType === b.eventType ? 'type' : `types ${a.eventType} / ${b.eventType}`);
  if (days !== null) adjust(bonus.date, 'date');
  if (place === 'near') adjust(bonus.place, `place ${a.place!.name}`);
  if (place === 'apart') adjust(-penalty.place, `places ${a.place!.name} / ${b.place!.name}`);
  const sites = sharedSites(a.place, b.place);
  if (sites.length > 0) adjust(bonus.site, `site ${sites[0]}`);
  if (a.actor1 && b.actor1) adjust(sameBelligerent(a.actor1, b.actor1) ? bonus.perpetrator : -penalty.perpetrator, `perpetrators ${a.actor1} / ${b.actor1}`);
  return { same: score >= CLUSTERING.threshold, score, reason: reasons.join(', ') };
}

/** The same kind of attack with casualties in two towns (both coded as the town itself), and neither report names the other's town: two events (CLUSTERING.twoTownsTypes). */
function twoTowns(a: ClusterItem, b: ClusterItem): boolean {
  if (!a.casualties || !b.casualties) return false;
  if (a.eventType === null || a.eventType !== b.eventType || !CLUSTERING.twoTownsTypes.includes(a.eventType)) return false;
  if (a.place?.geoPrecision !== 1 || b.place?.geoPrecision !== 1) return false;
  return !mentions(a.signature, b.place.name) && !mentions(b.signature, a.place.name);
}

/** The best candidate `item` is the same incident as, if any (highest score first, then the earliest listed). */
export function bestMatch<T extends ClusterItem>(item: ClusterItem, candidates: T[]): T | null {
  let best: { candidate: T; score: number } | null = null;
  for (const candidate of candidates) {
    const verdict = sameIncident(item, candidate);
    if (verdict.same && (!best || verdict.score > best.score)) best = { candidate, score: verdict.score };
  }
  return best?.candidate ?? null;
}

function compatible(a: EventType, b: EventType): boolean {
  return a === b || CLUSTERING.compatibleTypes.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/**
 * Near, apart, or unknown. Two countries are apart; a place that is only a country is unknown;
 * a province-level place is near another of the same province and apart from a place in another;
 * with coordinates, the distance allowed grows with the coarser precision.
 */
function comparePlaces(a: Place | null, b: Place | null): 'near' | 'apart' | 'unknown' {
  if (!a || !b) return 'unknown';
  if (a.country && b.country && a.country !== b.country) return 'apart';
  if (countryLevel(a) || countryLevel(b)) return 'unknown';
  // A province-level place says nothing of nearness to a town in it, only of distance from another province.
  if (a.geoPrecision === 3 || b.geoPrecision === 3) return !a.admin1 || !b.admin1 ? 'unknown' : a.admin1 !== b.admin1 ? 'apart' : a.geoPrecision === b.geoPrecision ? 'near' : 'unknown';
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return a.name === b.name ? 'near' : 'unknown';
  const limit = CLUSTERING.distance[Math.max(a.geoPrecision, b.geoPrecision) as 1 | 2];
  return kilometres(a.latitude, a.longitude, b.latitude, b.longitude) <= limit ? 'near' : 'apart';
}

function countryLevel(place: Place): boolean {
  return place.name === place.country || (place.geoPrecision === 3 && place.admin1 === null);
}

function sharedSites(a: Place | null, b: Place | null): string[] {
  const theirs = new Set((b?.sites ?? []).map((s) => s.toLowerCase()));
  return (a?.sites ?? []).filter((s) => theirs.has(s.toLowerCase()));
}
