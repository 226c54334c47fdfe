// The incident list's query: filters, sort orders and keyset paging, one SQL statement for the
// page and one for the total, the same on PGlite and PostgreSQL. Every value from a request
// reaches SQL as a parameter; column names come only from the tables below.
import { sql, type ExpressionBuilder, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database, IncidentsTable } from './schema.js';

export const REVIEW_STATUSES = ['new', 'accepted', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Sort keys and the expression each orders by; nulls are folded in so that a cursor can compare them. */
const SORT_EXPRESSIONS = {
  date: sql`coalesce(event_date, '')`,
  fatalities: sql`coalesce(fatalities_best, -1)`,
  country: sql`lower(coalesce(country, ''))`,
  event_type: sql`event_type`,
  updated: sql`updated_at`,
} satisfies Record<string, RawBuilder<unknown>>;
export type SortKey = keyof typeof SORT_EXPRESSIONS;
export const SORT_KEYS = Object.keys(SORT_EXPRESSIONS) as SortKey[];

/**
 * Free text as a text-search query: every word must start a word of the incident's place,
 * actors, types or notes (`raqq` finds "al-Raqqa"). Null when the text has no word at all.
 */
export function searchQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0 ? words.slice(0, 20).map((word) => `${word}:*`).join(' & ') : null;
}

export interface IncidentFilter {
  /** Free text: words that start words of the place, actors, types or notes, any case. */
  q?: string;
  /** Exact names, compared case-insensitively (`syria` finds Syria). */
  country?: string;
  admin1?: string;
  eventType?: string;
  subEventType?: string;
  /** Part of either actor's name. */
  actor?: string;
  /** Inclusive YYYY-MM-DD bounds on the event date. */
  from?: string;
  to?: string;
  /** West, south, east, north in degrees; west > east crosses the antimeridian. */
  bbox?: [number, number, number, number];
  minFatalities?: number;
  /** Reconciliation grades (confirmed, fair, weak, contested, discounted). */
  grade?: readonly string[];
  reviewStatus?: readonly ReviewStatus[];
}

export interface IncidentPageQuery extends IncidentFilter {
  sort?: SortKey;
  order?: 'asc' | 'desc';
  /** Where the previous page stopped (`next_cursor` of its answer). */
  cursor?: string;
  limit?: number;
}

type IncidentQuery = SelectQueryBuilder<Database, 'incidents', object>;

const escapeLike = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The filter as WHERE clauses on a query over `incidents`. */
export function applyFilter<Q extends IncidentQuery>(query: Q, filter: IncidentFilter): Q {
  let q = query as IncidentQuery;
  const equalsIgnoringCase = (column: 'country' | 'admin1' | 'event_type' | 'sub_event_type', value: string | undefined) => {
    if (value) q = q.where(sql`lower(${sql.ref(column)})`, '=', value.toLowerCase());
  };
  equalsIgnoringCase('country', filter.country);
  equalsIgnoringCase('admin1', filter.admin1);
  equalsIgnoringCase('event_type', filter.eventType);
  equalsIgnoringCase('sub_event_type', filter.subEventType);
  if (filter.q) {
    const query = searchQuery(filter.q);
    q = query ? q.where(sql<boolean>`search_document @@ to_tsquery('simple', ${query})`) : q.where(sql<boolean>`false`);
  }
  if (filter.actor) {
    const pattern = escapeLike(filter.actor);
    q = q.where((eb) => eb.or([eb('actor1', 'ilike', pattern), eb('actor2', 'ilike', pattern)]));
  }
  // Each bound also on the date order's expression (the same rows: a bound excludes undated
  // incidents already), so that the date indexes, which hold that expression, bound their scan.
  if (filter.from) q = q.where('event_date', '>=', filter.from).where(SORT_EXPRESSIONS.date, '>=', filter.from);
  if (filter.to) q = q.where('event_date', '<=', filter.to).where(SORT_EXPRESSIONS.date, '<=', filter.to);
  if (filter.minFatalities !== undefined) q = q.where('fatalities_best', '>=', filter.minFatalities);
  if (filter.reviewStatus) q = q.where('review_status', 'in', [...filter.reviewStatus]);
  if (filter.grade) q = q.where('grade', 'in', [...filter.grade]);
  if (filter.bbox) {
    const [west, south, east, north] = filter.bbox;
    q = q.where('latitude', '>=', south).where('latitude', '<=', north);
    q = west <= east
      ? q.where('longitude', '>=', west).where('longitude', '<=', east)
      : q.where((eb: ExpressionBuilder<Database, 'incidents'>) => eb.or([eb('longitude', '>=', west), eb('longitude', '<=', east)]));
  }
  return q as Q;
}

interface Cursor {
  /** The sort value and id of the last incident of the page. */
  value: string | number;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

/** The cursor a client sent back, or an error naming it. */
export function decodeCursor(text: string): Cursor {
  try {
    const [value, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if ((typeof value === 'string' || typeof value === 'number') && typeof id === 'string') return { value, id };
  } catch {
    // Falls through to the error below.
  }
  throw new InvalidCursor('cursor is not one this server gave out');
}

export class InvalidCursor extends Error {}

/** The filter's identity: equal keys, equal matches. Every field is listed (the type checks it), so no filter is left out of the key. */
const FILTER_FIELDS: Record<keyof IncidentFilter, true> = {
  q: true, country: true, admin1: true, eventType: true, subEventType: true, actor: true, from: true, to: true, bbox: true, minFatalities: true, grade: true, reviewStatus: true,
};
export function filterKey(filter: IncidentFilter): string {
  const names = { country: filter.country?.toLowerCase(), admin1: filter.admin1?.toLowerCase(), eventType: filter.eventType?.toLowerCase(), subEventType: filter.subEventType?.toLowerCase() };
  const compared: IncidentFilter = { ...filter, ...names, q: filter.q === undefined ? undefined : (searchQuery(filter.q) ?? ''), actor: filter.actor?.toLowerCase() };
  return JSON.stringify(Object.keys(FILTER_FIELDS).map((field) => compared[field as keyof IncidentFilter] ?? null));
}

/** The version of the incidents table (migration 006), read in the statement that uses it so that both see one snapshot. */
const INCIDENTS_VERSION = sql<string>`(select version from data_versions where name = 'incidents')`;

/** The page's statement without its columns: filters, cursor, order and one row past the limit. */
function pageStatement(db: Kysely<Database>, query: IncidentPageQuery) {
  const sortKey = query.sort ?? 'date';
  const descending = (query.order ?? (sortKey === 'country' || sortKey === 'event_type' ? 'asc' : 'desc')) === 'desc';
  const sortExpression = SORT_EXPRESSIONS[sortKey];
  const limit = query.limit ?? 100;
  let select = applyFilter(db.selectFrom('incidents'), query);
  if (query.cursor) {
    const { value, id } = decodeCursor(query.cursor);
    select = select.where(sql<boolean>`(${sortExpression}, id) ${sql.raw(descending ? '<' : '>')} (${value}, ${id})`);
  }
  const direction = descending ? 'desc' : 'asc';
  return { statement: select.select(sortExpression.as('sort_value')).orderBy(sortExpression, direction).orderBy('id', direction).limit(limit + 1), limit };
}

/** The page of `limit + 1` rows read: the first `limit`, without their sort value, and the cursor after them. */
function toPage<Row extends { id: string; sort_value: unknown }>(rows: Row[], limit: number): { rows: Array<Omit<Row, 'sort_value'>>; nextCursor: string | null } {
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  const page = rows.slice(0, limit).map(({ sort_value: _sortValue, ...row }) => row);
  return { rows: page, nextCursor: last ? encodeCursor({ value: last.sort_value as string | number, id: last.id }) : null };
}

/**
 * Every column of an incident, named: what reads whole incidents select instead of `*`, which
 * would add the stored search document (migration 006) that only the text filter reads. The
 * type lists every column of the table, so none is left out.
 */
const COLUMN_SET: Record<keyof IncidentsTable, true> = {
  id: true, event_type: true, sub_event_type: true, event_date: true, time_precision: true, location: true, admin1: true, country: true, latitude: true, longitude: true,
  geo_precision: true, geonameid: true, sites: true, actor1: true, actor2: true, fatalities_low: true, fatalities_best: true, fatalities_high: true,
  civilian_fatalities_low: true, civilian_fatalities_high: true, injured_low: true, injured_high: true, sources_count: true, notes: true, evidence: true, role: true,
  human_fields: true, grade: true, grade_reason: true, attribution: true, flags: true, signature: true, created_at: true, updated_at: true, review_status: true,
  reviewed_by: true, reviewed_at: true,
};
export const INCIDENT_COLUMNS = Object.keys(COLUMN_SET) as Array<keyof IncidentsTable>;

/** One page of whole incident rows in the requested order, with the cursor of the next page. */
export async function incidentPage(db: Kysely<Database>, query: IncidentPageQuery) {
  const { statement, limit } = pageStatement(db, query);
  return toPage(await statement.select(INCIDENT_COLUMNS).execute(), limit);
}

/** The columns a list item shows: none of the evidence, attribution, flags or signature that only the incident page and clustering read. */
const SUMMARY_COLUMNS = [
  'id', 'event_type', 'sub_event_type', 'event_date', 'time_precision', 'location', 'admin1', 'country', 'latitude', 'longitude', 'geo_precision', 'geonameid', 'sites',
  'actor1', 'actor2', 'fatalities_low', 'fatalities_best', 'fatalities_high', 'civilian_fatalities_low', 'civilian_fatalities_high', 'injured_low', 'injured_high',
  'sources_count', 'notes', 'role', 'grade', 'grade_reason', 'review_status', 'reviewed_by', 'reviewed_at',
] as const;

/** Each incident's reports as [id, outlet, url], in id order: the list's `source` without a second statement. */
const REPORT_SOURCES = sql<Array<[string, string | null, string | null]>>`(
  select coalesce(json_agg(json_build_array(r.id, r.source_name, r.url) order by r.id), '[]')
  from incident_reports l join reports r on r.id = l.report_id where l.incident_id = incidents.id)`;

/**
 * One page of list rows in one statement: the summary columns, each row's report sources, and
 * the version of the incidents table the page was read at.
 */
export async function incidentSummaryPage(db: Kysely<Database>, query: IncidentPageQuery) {
  const { statement, limit } = pageStatement(db, query);
  const rows = await statement.select(SUMMARY_COLUMNS).select(REPORT_SOURCES.as('sources')).select(INCIDENTS_VERSION.as('data_version')).execute();
  return { ...toPage(rows, limit), version: rows[0] ? Number(rows[0].data_version) : null };
}

/** How many incidents match, and the version of the incidents table counted. */
export async function countIncidents(db: Kysely<Database>, filter: IncidentFilter): Promise<{ count: number; version: number }> {
  const row = await applyFilter(db.selectFrom('incidents').select((eb) => eb.fn.countAll<string>().as('n')), filter).select(INCIDENTS_VERSION.as('version')).executeTakeFirstOrThrow();
  return { count: Number(row.n), version: Number(row.version) };
}
