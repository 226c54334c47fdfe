export { Store, type AuditEntry, type IncidentFilter } from './store.js';
export type { StoreLocation } from './connect.js';
export { DataDirectoryLock, DataDirectoryLocked, type LockHolder } from './lock.js';
export { createIngestToken, readIngestToken, removeIngestToken, tokenMatches } from './ingest-token.js';
