// What extraction rules find, before findings become claims and incident drafts.
import type { Claim, Evidence, Measure, Span, TimePrecision } from '../types.js';
import type { ParsedNumber } from './numbers.js';
import type { Sentence } from './sentences.js';

export interface CasualtyFinding {
  measure: Measure;
  victims: string;
  figure: ParsedNumber;
  evidence: Evidence;
  sentence: Sentence;
  /** "including 36 civilians": a part of the figure found before it in the sentence. */
  partOfPrevious: boolean;
  /** Set when a part has a casualty verb of its own, so it does not take the measure of the figure before it. */
  ownMeasure?: boolean;
}

export interface AttributionFinding {
  speaker: string | null;
  outlet: string | null;
  stance: 'asserts' | 'denies';
  evidence: Evidence;
  sentence: Sentence;
}

export interface InvolvementFinding {
  actor: string;
  stance: 'asserts' | 'denies';
  evidence: Evidence;
  sentence: Sentence;
}

export interface TriggerFinding {
  eventType: string;
  subEventType: string;
  weight: number;
  evidence: Evidence;
  sentence: Sentence;
}

export interface DateFinding {
  date: string;
  precision: TimePrecision;
  evidence: Evidence;
  sentence: Sentence;
}

export interface ActorFinding {
  /** ACLED-style name, possibly with `{country}` still to fill. */
  name: string;
  kind: string;
  /** `party`: named in the event's sentences with no word saying who did what to whom. */
  role: 'perpetrator' | 'target' | 'party';
  evidence: Evidence;
  sentence: Sentence;
}

export interface HedgeFinding {
  scope: 'toll' | 'sentence';
  evidence: Evidence;
  sentence: Sentence;
}

export interface BackgroundFinding {
  kind: string;
  evidence: Evidence;
  sentence: Sentence;
}

/** Everything found in one report's clean text. */
export interface Findings {
  sentences: Sentence[];
  casualties: CasualtyFinding[];
  attributions: AttributionFinding[];
  involvements: InvolvementFinding[];
  triggers: TriggerFinding[];
  dates: DateFinding[];
  actors: ActorFinding[];
  hedges: HedgeFinding[];
  background: BackgroundFinding[];
}

/** An incident as one report describes it, before geocoding and reconciliation. */
export interface IncidentDraft {
  eventType: string;
  subEventType: string;
  date: string | null;
  timePrecision: TimePrecision;
  /** ACLED-style names; `{country}` is filled once the place is known. */
  actor1: string | null;
  actor2: string | null;
  claims: Claim[];
  /** Sentences that describe the incident: where its place is looked for first. */
  focus: Span[];
  evidence: Record<string, Evidence[]>;
}
