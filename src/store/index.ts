export { Store, shiftDate, type IncidentFilter } from './store.js';
export type { StoreLocation } from './connect.js';
