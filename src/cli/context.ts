// What every command shares: where the database is, and how to report problems.
import { Store } from '../store/index.js';

export interface StoreOptions {
  data?: string;
}

/** PostgreSQL when VIGIL_DATABASE_URL is set; else embedded PGlite in --data, VIGIL_DATA or ./vigil-data. */
export function storeLocation(options: StoreOptions) {
  const databaseUrl = process.env.VIGIL_DATABASE_URL || null;
  return {
    databaseUrl,
    schema: process.env.VIGIL_DATABASE_SCHEMA || null,
    dataDir: options.data ?? process.env.VIGIL_DATA ?? './vigil-data',
  };
}

export async function withStore<T>(options: StoreOptions, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open(storeLocation(options));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** A failure the user caused (bad argument, unknown id): printed as one line, exit code 1. */
export class UserError extends Error {}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export const DATA_OPTION_HELP = 'PGlite data directory (default: $VIGIL_DATA or ./vigil-data; ignored when $VIGIL_DATABASE_URL is set)';
