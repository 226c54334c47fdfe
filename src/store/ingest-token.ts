// The local credential that lets `vigil ingest` hand its reports to the server holding a data
// directory: a random token in a file only the owner can read, written by the server when it
// starts listening and removed when it stops. Whoever can read it could open the directory anyway.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const INGEST_TOKEN_FILE = 'ingest.token';

export function createIngestToken(dataDir: string): string {
  const token = randomBytes(32).toString('hex');
  const path = join(dataDir, INGEST_TOKEN_FILE);
  writeFileSync(`${path}.${process.pid}`, token, { mode: 0o600 });
  renameSync(`${path}.${process.pid}`, path);
  return token;
}

export function readIngestToken(dataDir: string): string | null {
  try {
    return readFileSync(join(dataDir, INGEST_TOKEN_FILE), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

export function removeIngestToken(dataDir: string, token: string): void {
  if (readIngestToken(dataDir) === token) rmSync(join(dataDir, INGEST_TOKEN_FILE), { force: true });
}

/** Compares in constant time, so the token cannot be guessed from response times. */
export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const [a, b] = [Buffer.from(expected), Buffer.from(given)];
  return a.length === b.length && timingSafeEqual(a, b);
}
