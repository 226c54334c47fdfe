// The storage back ends every storage test runs against: embedded PGlite always, PostgreSQL
// when a server answers. In CI (CI=true) the PostgreSQL suite must run: an unreachable server
// is a failure there, not a skip.
import pg from 'pg';
import type { StoreLocation } from '../src/store/connect.js';

export const POSTGRES_URL = process.env.VIGIL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const postgresAvailable = await postgresReachable();
if (!postgresAvailable) {
  if (process.env.CI) throw new Error(`CI=true but PostgreSQL is not reachable at ${POSTGRES_URL}: the PostgreSQL storage suite must run in CI`);
  console.warn(`PostgreSQL not reachable at ${POSTGRES_URL}: skipping the PostgreSQL storage suite (it runs in CI)`);
}

/** A fresh, empty database location per call: a PGlite in memory, or a new PostgreSQL schema. */
export function freshLocation(backend: 'pglite' | 'postgres'): StoreLocation {
  if (backend === 'pglite') return { dataDir: 'memory://' };
  return { databaseUrl: POSTGRES_URL, schema: `vigil_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}` };
}

export async function dropSchema(location: StoreLocation): Promise<void> {
  if (!location.databaseUrl || !location.schema) return;
  const client = new pg.Client({ connectionString: location.databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${location.schema} CASCADE`);
  await client.end();
}

export const backends = (['pglite', 'postgres'] as const).filter((b) => b === 'pglite' || postgresAvailable);
