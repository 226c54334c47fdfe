// Request and response schemas of the API, as zod, turned into the JSON Schemas fastify checks
// requests with and serialises answers by. The answers' schemas come from src/export/api.ts.
import { z } from 'zod';
import { EXPORT_FORMATS } from '../export/index.js';
import { REVIEW_STATUSES, SORT_KEYS, type IncidentPageQuery } from '../store/index.js';
import { GRADES } from '../types.js';

/** Text the database can compare: no NUL character (PostgreSQL refuses it in text). */
export const TEXT_PATTERN = '^[^\\u0000]*$';
const text = (max: number) => z.string().max(max).regex(new RegExp(TEXT_PATTERN));
/** The largest page a request may ask for. */
export const MAX_PAGE = 500;

const filterShape = {
  q: text(200).optional().describe('free text, matched case-insensitively against place, actors, types and notes'),
  from: z.iso.date().optional().describe('first event date, inclusive'),
  to: z.iso.date().optional().describe('last event date, inclusive'),
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/)
    .optional()
    .describe('west,south,east,north in degrees'),
  country: text(100).optional().describe('country name, any case'),
  admin1: text(100).optional().describe('first-level region, any case'),
  event_type: text(100).optional(),
  sub_event_type: text(100).optional(),
  actor: text(200).optional().describe('part of either actor’s name'),
  min_fatalities: z.number().int().min(0).max(1_000_000_000).optional().describe('best fatality estimate at least this'),
  review_status: z.enum(REVIEW_STATUSES).optional(),
  grade: z.enum(GRADES).optional().describe('reconciliation grade'),
};
export const filterQuerySchema = z.strictObject(filterShape);
export type FilterQuery = z.infer<typeof filterQuerySchema>;

export const listQuerySchema = z.strictObject({
  ...filterShape,
  sort: z.enum(SORT_KEYS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  cursor: z.string().max(1000).optional().describe('next_cursor of the previous page'),
  limit: z.number().int().min(1).max(MAX_PAGE).default(100),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const exportQuerySchema = z.strictObject({ ...filterShape, format: z.enum(EXPORT_FORMATS as ['json', 'csv', 'geojson']).default('json') });

export const idParamsSchema = z.strictObject({ id: text(200).min(1) });

export const pageQuerySchema = z.strictObject({
  limit: z.number().int().min(1).max(MAX_PAGE).default(100),
  offset: z.number().int().min(0).max(2_147_483_647).default(0),
});

const reason = z.string().max(2000).optional().describe('why, in the analyst’s words: kept in the history');
export const reasonSchema = z.strictObject({ reason });
/** Fields by their export-record names (event_type, actor1, fatalities, grade...); null clears one. */
export const editSchema = z.strictObject({ fields: z.record(z.string().max(64), z.union([z.string().max(10_000), z.number(), z.null()])), reason });
export const mergeSchema = z.strictObject({ other: z.string().min(1).max(200).describe('the incident merged into this one, which then is gone'), reason });
export const splitSchema = z.strictObject({ report_ids: z.array(z.string().min(8).max(64)).min(1).max(1000).describe('reports (ids or short ids) that leave for a new incident'), reason });
export const moveSchema = z.strictObject({ report_id: z.string().min(8).max(64).describe('the report (id or short id) that joins this incident, leaving the one it was in'), reason });

export const signInSchema = z.strictObject({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) });
export const sessionSchema = z.strictObject({
  user: z.strictObject({ name: z.string(), role: z.string() }).nullable(),
  /** Send back as the `x-csrf-token` header on every write made with the session cookie. */
  csrf_token: z.string().nullable(),
  public_read: z.boolean(),
});

/** A zod schema as the JSON Schema fastify (draft-07) and OpenAPI 3.1 both read. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/** The query's filters in the store's terms. */
export function toFilter(query: FilterQuery): IncidentPageQuery {
  return {
    q: query.q,
    from: query.from,
    to: query.to,
    bbox: query.bbox ? (query.bbox.split(',').map(Number) as [number, number, number, number]) : undefined,
    country: query.country,
    admin1: query.admin1,
    eventType: query.event_type,
    subEventType: query.sub_event_type,
    actor: query.actor,
    minFatalities: query.min_fatalities,
    reviewStatus: query.review_status ? [query.review_status] : undefined,
    grade: query.grade ? [query.grade] : undefined,
  };
}
