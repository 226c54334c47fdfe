export { Store, type IncidentFilter } from './store.js';
export type { StoreLocation } from './connect.js';
