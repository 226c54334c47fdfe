export { Store, incidentToRow, type AuditEntry, type Review } from './store.js';
export { InvalidCursor, REVIEW_STATUSES, SORT_KEYS, type IncidentFilter, type IncidentPageQuery, type ReviewStatus, type SortKey } from './incident-query.js';
export type { StoreLocation } from './connect.js';
export { DataDirectoryLock, DataDirectoryLocked, type LockHolder } from './lock.js';
export { createIngestToken, readIngestToken, removeIngestToken, tokenMatches } from './ingest-token.js';
