// What extraction rules find, before findings become claims and incident drafts.
import type { Claim, EventType, Evidence, IncidentRole, Measure, Span, SubEventType, TimePrecision } from '../types.js';
import type { ArticleLayout } from './article.js';
import type { ExtractLexicons } from './lexicons.js';
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
  eventType: EventType;
  subEventType: SubEventType;
  weight: number;
  evidence: Evidence;
  sentence: Sentence;
}

export interface DateFinding {
  date: string;
  precision: TimePrecision;
  /** A date of saying ("police said on Tuesday"), not of the event: the event's only when nothing else dates it. */
  said: boolean;
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

/** What a refiner may read besides the findings: the sentences and the configuration's lexicons. */
export interface RefinerContext {
  sentences: Sentence[];
  lexicons: ExtractLexicons;
}

/** Revises casualty findings across sentences (adds, drops or merges them); listed in order in configuration.ts. */
export interface CasualtyRefiner {
  name: string;
  refine(findings: CasualtyFinding[], context: RefinerContext): CasualtyFinding[];
}

/** Words of a running tally (data/lexicons/tallies.txt). */
export interface TallyCueFinding {
  kind: 'period' | 'total' | 'after' | 'refers';
  evidence: Evidence;
  sentence: Sentence;
}

/** A figure of a running tally: a count over a period or a campaign, never an event's toll. */
export interface TallyFinding extends CasualtyFinding {
  /** The period counted over ("since early 2022"), when the text gives one. */
  period: string | null;
  /** Where it counts ("in areas under the control of the Autonomous Administration"). */
  scope: string | null;
  /** The words that made it a tally. */
  cue: Evidence | null;
}

/** Everything found in one report's clean text. */
export interface Findings {
  /** The sentences rules read: the page furniture left in the text is not among them. */
  sentences: Sentence[];
  article: ArticleLayout;
  /** Figures of events. */
  casualties: CasualtyFinding[];
  /** Figures of running tallies, and the sentences that only tell tallies. */
  tallies: TallyFinding[];
  tallyCues: TallyCueFinding[];
  tallySentences: Set<number>;
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
  role: IncidentRole;
  eventType: EventType;
  subEventType: SubEventType;
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
