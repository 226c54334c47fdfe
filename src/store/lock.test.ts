import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirectoryLock, DataDirectoryLocked, LOCK_FILE, type LockHolder } from './lock.js';

const root = mkdtempSync(join(tmpdir(), 'vigil-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `d${n++}`);

/** A pid no process has now: one that has just exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();

function writeLock(dir: string, holder: Partial<LockHolder>): void {
  DataDirectoryLock.acquire(dir).release(); // creates the directory
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ command: 'vigil ingest', host: hostname(), startedAt: '2020-01-01T00:00:00Z', processStart: null, nonce: 'n', ...holder }));
}

describe('the data directory lock', () => {
  it('is held until released, and a second opener is told who holds it', () => {
    const dir = freshDir();
    const lock = DataDirectoryLock.acquire(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(() => DataDirectoryLock.acquire(dir)).toThrow(DataDirectoryLocked);
    expect(() => DataDirectoryLock.acquire(dir)).toThrow(new RegExp(`in use by .* \\(pid ${process.pid}, since`));
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    DataDirectoryLock.acquire(dir).release();
  });

  it('names the server and its address when a server holds it', () => {
    const dir = freshDir();
    const lock = DataDirectoryLock.acquire(dir, { serving: true });
    lock.announceServer('http://127.0.0.1:8080/');
    expect(DataDirectoryLock.holderOf(dir)).toMatchObject({ serving: true, server: { url: 'http://127.0.0.1:8080/' } });
    expect(() => DataDirectoryLock.acquire(dir)).toThrow(/served at http:\/\/127\.0\.0\.1:8080\/.*\n.*`vigil ingest` sends its reports/);
    lock.release();
  });

  it('clears a stale lock: a pid no longer running, a reused pid, a damaged file', () => {
    for (const stale of [{ pid: Number(deadPid()) }, { pid: process.ppid, processStart: '1' }]) {
      const dir = freshDir();
      writeLock(dir, stale);
      expect(DataDirectoryLock.holderOf(dir)).toBeNull();
      DataDirectoryLock.acquire(dir).release();
    }
    const damaged = freshDir();
    writeLock(damaged, {});
    writeFileSync(join(damaged, LOCK_FILE), '{"pid": 12');
    DataDirectoryLock.acquire(damaged).release();
  });

  it('respects a live holder, and one on another machine it cannot check', () => {
    const live = freshDir();
    writeLock(live, { pid: process.ppid });
    expect(() => DataDirectoryLock.acquire(live)).toThrow(DataDirectoryLocked);
    const remote = freshDir();
    writeLock(remote, { pid: Number(deadPid()), host: 'elsewhere' });
    expect(() => DataDirectoryLock.acquire(remote)).toThrow(/on elsewhere.*\n[\s\S]*no longer running, delete/);
  });
});
