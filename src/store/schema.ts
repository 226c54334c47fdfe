// Kysely table types: the one schema both back ends share. Dates are ISO text so that
// PGlite and node-postgres return the same JavaScript types.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Attribution, Evidence, Flag } from '../types.js';

export interface ReportsTable {
  id: string;
  url: string | null;
  title: string | null;
  source_name: string | null;
  published: string | null;
  raw: string;
  text: string;
  captions: JSONColumnType<string[]>;
  language: string;
  ingested_at: string;
  /** The report this one replaces: an earlier version of the page at the same URL. */
  previous_version_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IncidentsTable {
  id: string;
  event_type: string;
  sub_event_type: string;
  event_date: string | null;
  time_precision: number;
  location: string | null;
  admin1: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  geo_precision: number | null;
  geonameid: number | null;
  sites: JSONColumnType<string[]>;
  actor1: string | null;
  actor2: string | null;
  fatalities_low: number | null;
  fatalities_best: number | null;
  fatalities_high: number | null;
  civilian_fatalities_low: number | null;
  civilian_fatalities_high: number | null;
  injured_low: number | null;
  injured_high: number | null;
  sources_count: number;
  notes: string;
  evidence: JSONColumnType<Record<string, Evidence[]>>;
  /** The incident's role in the report that tells it: main, further or background. */
  role: ColumnType<string, string | undefined, string>;
  /** Columns a person set by hand (column -> value): machine writes keep these values. */
  human_fields: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** How sure the incident is (confirmed, fair, weak, contested, discounted) and why. */
  grade: string | null;
  grade_reason: string | null;
  attribution: ColumnType<Attribution[], string | undefined, string>;
  flags: ColumnType<Flag[], string | undefined, string>;
  /** Term counts of its sentences over all its reports (clustering; src/reconcile/similarity.ts). */
  signature: ColumnType<number[], string | undefined, string>;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
  /** new, accepted or rejected: set by an analyst's review (src/auth/roles.ts). */
  review_status: ColumnType<string, string | undefined, string>;
  reviewed_by: ColumnType<string | null, string | null | undefined, string | null>;
  reviewed_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ClaimsTable {
  id: Generated<number>;
  incident_id: string;
  report_id: string;
  position: number;
  measure: string;
  victims: string;
  qualifier: string;
  low: number | null;
  high: number | null;
  vague_word: string | null;
  stance: string;
  speaker: string | null;
  outlet: string | null;
  actor: string | null;
  hedges: JSONColumnType<string[]>;
  evidence: JSONColumnType<Evidence>;
  sentence: JSONColumnType<Evidence>;
}

/** A report's running tallies: counts over a period, never an incident's toll. */
export interface TalliesTable {
  id: Generated<number>;
  report_id: string;
  position: number;
  measure: string;
  victims: string;
  qualifier: string;
  low: number | null;
  high: number | null;
  vague_word: string | null;
  speaker: string | null;
  outlet: string | null;
  period: string | null;
  scope: string | null;
  hedges: JSONColumnType<string[]>;
  evidence: JSONColumnType<Evidence>;
  sentence: JSONColumnType<Evidence>;
}

export interface IncidentReportsTable {
  incident_id: string;
  report_id: string;
  /** A person put the report here (merge, split, move): machine clustering never moves it. */
  decided_by_human: ColumnType<boolean, boolean | undefined, boolean>;
}

/** One human decision: who, when, why, and the incident before and after. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  incident_id: string | null;
  report_id: string | null;
  reason: string | null;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
}

export interface FeedsTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  checked_at: string;
}

export interface FeedItemsTable {
  feed_url: string;
  item_key: string;
  seen_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  expires_at: string;
}

export interface ApiTokensTable {
  token_hash: string;
  user_id: number;
  label: string;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  /** JSON text. */
  value: string;
}

/** A table's version: raised by every statement that writes to it (migration 006). */
export interface DataVersionsTable {
  name: string;
  /** bigint: node-postgres reads it as a string. */
  version: ColumnType<string, number, never>;
}

export interface Database {
  reports: ReportsTable;
  feeds: FeedsTable;
  feed_items: FeedItemsTable;
  incidents: IncidentsTable;
  claims: ClaimsTable;
  tallies: TalliesTable;
  incident_reports: IncidentReportsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  data_versions: DataVersionsTable;
}
