// The data model shared by every pipeline stage. README.md ("Data model") documents it.

/** Character offsets into a report's clean text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Why Vigil said something: the text it read and the rule that read it. */
export interface Evidence extends Span {
  /** The exact substring of the clean text at [start, end). */
  text: string;
  /** Name of the rule (or refiner) that produced the field, e.g. `KilledPassiveRule`. */
  rule: string;
  /** Which report the offsets point into (set once the report is known). */
  reportId?: string;
  /** Optional short explanation, e.g. which clue won a geocoding choice. */
  note?: string;
}

/** A document as it arrives, before cleaning. */
export interface RawReport {
  /** Human name of where it came from (file path, `stdin`, `file.jsonl:12`), used in messages. */
  origin: string;
  url: string | null;
  title: string | null;
  sourceName: string | null;
  /** Publication date YYYY-MM-DD when known from metadata given by the user or the input. */
  published: string | null;
  /** `html` content is cleaned of page furniture; `text` is taken line by line. */
  format: 'html' | 'text';
  content: string;
}

/** Output of the clean stage. */
export interface CleanReport {
  text: string;
  title: string | null;
  /** Publication date found in the page itself (meta tags, <time>), YYYY-MM-DD. */
  published: string | null;
  /** Image captions and credits, kept apart from the body: never a source of incidents. */
  captions: string[];
  language: string;
  /** What was removed and why, for analysts checking the cleaner. */
  removed: Array<{ text: string; rule: string }>;
}

/** A stored report. `id` is the SHA-256 (hex) of the clean text. */
export interface Report {
  id: string;
  url: string | null;
  title: string | null;
  sourceName: string | null;
  published: string | null;
  raw: string;
  text: string;
  captions: string[];
  language: string;
  ingestedAt: string;
  /** Running tallies the report gives ("87 persons dead since early 2022"): its own, never an incident's toll. */
  tallies: Tally[];
}

export type Measure = 'killed' | 'injured' | 'missing' | 'abducted' | 'strikes' | 'involvement' | 'harm';
/** Victim classes: `all`, `civilians`, `fighters`, `children`, `women`, `soldiers`, `police`, or a named group. */
export type VictimClass = string;
export type Qualifier = 'exact' | 'at_least' | 'at_most' | 'about' | 'range' | 'vague' | 'none';
export type Stance = 'asserts' | 'denies';

/** One assertion in one report. */
export interface Claim {
  measure: Measure;
  victims: VictimClass;
  qualifier: Qualifier;
  /** Numbers; both null when the claim has no figure (a denial, "charred bodies"). */
  low: number | null;
  high: number | null;
  /** The vague word ("dozens") when qualifier is `vague`; low/high then follow the ACLED rule. */
  vagueWord: string | null;
  stance: Stance;
  /** Who asserts it ("an Islamic State fighter", "Rami Abdulrahman"). */
  speaker: string | null;
  /** Through whom it reached the report (Reuters, SOHR...). */
  outlet: string | null;
  /** Hedges on the figure ("the number is expected to rise", "we are not sure yet"). */
  hedges: string[];
  /** Actor the claim is about, for `involvement` claims ("the coalition"). */
  actor: string | null;
  /** The casualty phrase itself. */
  evidence: Evidence;
  /** The whole sentence the claim came from. */
  sentence: Evidence;
  reportId?: string;
  /** When the claim's report was published (YYYY-MM-DD, perhaps with a time), if known: which of one voice's figures is the later. */
  published?: string | null;
}

/**
 * A running tally in one report ("SOHR has documented 87 deaths in such attacks since early
 * 2022"): a count over a period, kept with the report and never an incident's toll.
 */
export interface Tally extends Claim {
  /** The period it counts over ("since early 2022"), when the text gives one. */
  period: string | null;
  /** Where it counts ("in areas under the control of the Autonomous Administration"). */
  scope: string | null;
}

export type IncidentRole = 'main' | 'further' | 'background';

/** ACLED's event types, each with its sub-event types (ACLED codebook, 2019 and later). */
export const ACLED_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': ['Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const;
export type EventType = keyof typeof ACLED_TYPES;
export type SubEventType = (typeof ACLED_TYPES)[EventType][number];

/** An ACLED type pair read from data or storage; throws on a label ACLED does not use. */
export function acledTyping(eventType: string, subEventType: string): { eventType: EventType; subEventType: SubEventType } {
  const subs = (ACLED_TYPES as Record<string, readonly string[]>)[eventType];
  if (!subs?.includes(subEventType)) throw new Error(`"${eventType}" / "${subEventType}" is not an ACLED event type and sub-event type`);
  return { eventType: eventType as EventType, subEventType: subEventType as SubEventType };
}

/** ACLED time precision: 1 day, 2 week, 3 month. */
export type TimePrecision = 1 | 2 | 3;
/** ACLED geo precision: 1 town itself, 2 near / part of a region, 3 only the province. */
export type GeoPrecision = 1 | 2 | 3;

export interface Place {
  /** Gazetteer name of the location (town or region). */
  name: string;
  admin1: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: GeoPrecision;
  /** Named sites inside the place ("al-Hani mosque"). */
  sites: string[];
  /** GeoNames id when the place came from the gazetteer. */
  geonameId?: number | null;
}

export interface FatalityRange {
  low: number | null;
  best: number | null;
  high: number | null;
}

/** How sure Vigil is of an incident, in the spirit of Airwars' grades (README "Reconciliation"). */
export const GRADES = ['confirmed', 'fair', 'weak', 'contested', 'discounted'] as const;
export type Grade = (typeof GRADES)[number];

/** Who ties the incident to one belligerent, and how: the sources that allege, confirm or deny it. */
export interface Attribution {
  actor: string;
  allege: string[];
  confirm: string[];
  deny: string[];
}

/** A conflict between sources that a reader should see: figures or attributions that disagree. */
export interface Flag {
  kind: 'conflicting-figures' | 'conflicting-attribution' | 'denied';
  detail: string;
}

export interface Incident {
  /** Stable id: `VIG-` + a short hash. */
  id: string;
  /** What the incident is to the report that first told it: its main event, a further event, or background (an earlier event told for context). */
  role: IncidentRole;
  eventType: EventType;
  subEventType: SubEventType;
  /** YYYY-MM-DD, or null when the report gives no usable date. */
  date: string | null;
  timePrecision: TimePrecision;
  place: Place | null;
  actor1: string | null;
  actor2: string | null;
  claims: Claim[];
  fatalities: FatalityRange;
  civilianFatalities: { low: number | null; high: number | null };
  injured: { low: number | null; high: number | null };
  /** Independent sources: outlets, a wire copy or reprint counting as its original, an outlet relaying only voices another gives counting as that one. */
  sourcesCount: number;
  grade: Grade | null;
  gradeReason: string | null;
  attribution: Attribution[];
  flags: Flag[];
  /** Term counts of the incident's sentences over all its reports, as [term, count, ...] (src/reconcile/similarity.ts). */
  signature: number[];
  reportIds: string[];
  /** Evidence per field name: `event_type`, `date`, `location`, `actor1`, `actor2`, `sites`... */
  evidence: Record<string, Evidence[]>;
  /** One generated sentence summarising the incident. */
  notes: string;
}

/**
 * What clustering reads of a stored incident (src/reconcile/cluster.ts): its type, date, place,
 * perpetrator and text signature, without claims or notes; `evidence` holds only the
 * perpetrator's (whether a report named it). The incident a report joins is then read whole.
 */
export type IncidentCandidate = Pick<Incident, 'id' | 'eventType' | 'subEventType' | 'date' | 'timePrecision' | 'place' | 'actor1' | 'signature' | 'evidence'> & {
  /** Whether its claims tell of people killed or injured. */
  casualties: boolean;
};

/** What the incident list shows of an incident: no claims, evidence, attribution, flags or signature. */
export type IncidentSummary = Omit<Incident, 'claims' | 'attribution' | 'flags' | 'signature' | 'evidence'>;
