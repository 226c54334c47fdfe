// The incident list's query: filters, sort orders and keyset paging, one SQL statement for the
// page and one for the total, the same on PGlite and PostgreSQL. Every value from a request
// reaches SQL as a parameter; column names come only from the tables below.
import { sql, type ExpressionBuilder, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { SEARCH_DOCUMENT_SQL } from './migrations/005_users.js';
import type { Database } from './schema.js';

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
    q = query ? q.where(sql<boolean>`${sql.raw(SEARCH_DOCUMENT_SQL)} @@ to_tsquery('simple', ${query})`) : q.where(sql<boolean>`false`);
  }
  if (filter.actor) {
    const pattern = escapeLike(filter.actor);
    q = q.where((eb) => eb.or([eb('actor1', 'ilike', pattern), eb('actor2', 'ilike', pattern)]));
  }
  if (filter.from) q = q.where('event_date', '>=', filter.from);
  if (filter.to) q = q.where('event_date', '<=', filter.to);
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

/** One page of incident rows in the requested order, with the cursor of the next page. */
export async function incidentPage(db: Kysely<Database>, query: IncidentPageQuery) {
  const sortKey = query.sort ?? 'date';
  const descending = (query.order ?? (sortKey === 'country' || sortKey === 'event_type' ? 'asc' : 'desc')) === 'desc';
  const sortExpression = SORT_EXPRESSIONS[sortKey];
  const limit = query.limit ?? 100;
  let select = applyFilter(db.selectFrom('incidents').selectAll().select(sortExpression.as('sort_value')), query);
  if (query.cursor) {
    const { value, id } = decodeCursor(query.cursor);
    select = select.where(sql<boolean>`(${sortExpression}, id) ${sql.raw(descending ? '<' : '>')} (${value}, ${id})`);
  }
  const direction = descending ? 'desc' : 'asc';
  const rows = await select.orderBy(sortExpression, direction).orderBy('id', direction).limit(limit + 1).execute();
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  const page = rows.slice(0, limit).map(({ sort_value: _sortValue, ...row }) => row);
  return { rows: page, nextCursor: last ? encodeCursor({ value: last.sort_value as string | number, id: last.id }) : null };
}

export async function countIncidents(db: Kysely<Database>, filter: IncidentFilter): Promise<number> {
  const row = await applyFilter(db.selectFrom('incidents').select((eb) => eb.fn.countAll<string>().as('n')), filter).executeTakeFirstOrThrow();
  return Number(row.n);
}
