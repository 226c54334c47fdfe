// Opens the one Kysely database over either back end: embedded PGlite (default) or a real
// PostgreSQL server. Both speak through node-postgres, so every query is the same code.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, Migrator, PostgresDialect, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { DataDirectoryLock } from './lock.js';
import { asPglite, openPgliteThread, type ThreadedPglite } from './pglite-thread.js';
import * as initial from './migrations/001_initial.js';
import * as reportVersions from './migrations/002_report_versions.js';
import * as articleReading from './migrations/003_article_reading.js';
import * as decisions from './migrations/004_decisions.js';
import * as users from './migrations/005_users.js';
import * as listSpeed from './migrations/006_list_speed.js';
import * as termSignatures from './migrations/007_term_signatures.js';
import type { Database } from './schema.js';

export interface StoreLocation {
  /** PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string | null;
  /** PostgreSQL schema to use (created if missing); default `public`. */
  schema?: string | null;
  /** PGlite data directory, or `memory://` for a throw-away database. */
  dataDir?: string;
  /** The opener will serve the directory (recorded in its lock, so `vigil ingest` waits for the address). */
  serving?: boolean;
}

export interface Connection {
  db: Kysely<Database>;
  backend: 'pglite' | 'postgres';
  /** Where the data lives, for messages (URL without password, or directory). */
  where: string;
  /** The data directory's lock (PGlite on disk only): one process a directory. */
  lock: DataDirectoryLock | null;
  close(): Promise<void>;
}

/** Migrations listed in code, in order, so the compiled package needs no folder scan. */
const migrations: Record<string, Migration> = { '001_initial': initial, '002_report_versions': reportVersions, '003_article_reading': articleReading, '004_decisions': decisions, '005_users': users, '006_list_speed': listSpeed, '007_term_signatures': termSignatures };
const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Connections a process keeps to a PostgreSQL server. Under 20 clients on 2 cores, 2, 4 and 10
 * served 42, 48 and 51 requests a second (README, "The API under load"): the cores, not the
 * connections, are the bound; more connections keep quick statements from queueing behind a
 * slow count.
 */
const POSTGRES_POOL_SIZE = 10;

export async function connect(location: StoreLocation): Promise<Connection> {
  const connection = location.databaseUrl ? await connectPostgres(location.databaseUrl, location.schema ?? null) : await connectPglite(location.dataDir ?? './vigil-data', location.serving ?? false);
  // Name the schema: without it Kysely takes another schema's migration tables for this one's.
  const migrationTableSchema = (location.databaseUrl && location.schema) || 'public';
  const { error } = await new Migrator({ db: connection.db, provider, migrationTableSchema }).migrateToLatest();
  if (error) {
    await connection.close();
    throw new Error(`database migration failed on ${connection.where}: ${String(error)}`);
  }
  return connection;
}

async function connectPglite(dataDir: string, serving: boolean): Promise<Connection> {
  const onDisk = !dataDir.includes('://');
  if (onDisk) mkdirSync(dataDir, { recursive: true });
  const lock = onDisk ? DataDirectoryLock.acquire(dataDir, { serving }) : null;
  let pglite: ThreadedPglite;
  try {
    if (onDisk && !existsSync(join(dataDir, 'PG_VERSION'))) await initialiseDataDirectory(dataDir);
    pglite = openPgliteThread(dataDir);
    await pglite.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(asPglite(pglite))) }) });
  return {
    db,
    backend: 'pglite',
    where: dataDir,
    lock,
    async close() {
      try {
        await db.destroy();
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * Creating a cluster (initdb) grows PGlite's memory to about 850 MB, which it keeps while it is
 * open; opening the created directory again takes about 350 MB. So a new directory is created in
 * a thread of its own, whose memory is given back when it ends.
 */
async function initialiseDataDirectory(dataDir: string): Promise<void> {
  const script = `
    const { workerData } = require('node:worker_threads');
    import(workerData.pglite).then(async ({ PGlite }) => (await PGlite.create(workerData.dataDir)).close());`;
  const worker = new Worker(script, { eval: true, workerData: { pglite: import.meta.resolve('@electric-sql/pglite'), dataDir } });
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`creating the database in ${dataDir} failed (thread exit ${code})`))));
  });
}

async function connectPostgres(url: string, schema: string | null): Promise<Connection> {
  if (schema !== null && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  if (schema) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({ connectionString: url, max: POSTGRES_POOL_SIZE, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, backend: 'postgres', where: redactPassword(url) + (schema ? ` (schema ${schema})` : ''), lock: null, close: () => db.destroy() };
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgresql';
  }
}
