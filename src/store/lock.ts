// One writer per data directory. An embedded PostgreSQL (PGlite) directory opened by two
// processes is silently corrupted, so every process that opens one first takes `vigil.lock`
// in it (created exclusively, holding the holder's pid and, for a server, its address) and
// removes it on exit. A lock whose process is gone (kill -9, a crash) is stale: the next
// process detects it (no such pid, or a pid reused by another process) and clears it.
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const LOCK_FILE = 'vigil.lock';

export interface LockHolder {
  pid: number;
  /** The command that holds the directory, e.g. `vigil ingest`. */
  command: string;
  host: string;
  startedAt: string;
  /** The kernel's start time of the process (Linux), so a reused pid is not taken for the holder. */
  processStart: string | null;
  /** Set by a process that will serve the directory (`vigil serve`, `vigil start`)... */
  serving?: boolean;
  /** ...and its address, once it listens. */
  server?: { url: string };
  /** Random per lock, so a process only ever removes its own. */
  nonce: string;
}

/** Raised when another live process holds the directory; the message says who and what to do. */
export class DataDirectoryLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(lockedMessage(dataDir, holder));
    this.name = 'DataDirectoryLocked';
  }
}

const held = new Set<DataDirectoryLock>();

export class DataDirectoryLock {
  private released = false;

  private constructor(
    readonly dataDir: string,
    private holderState: LockHolder,
  ) {}

  get holder(): LockHolder {
    return this.holderState;
  }

  /** Takes the directory or throws DataDirectoryLocked; clears a stale lock on the way. */
  static acquire(dataDir: string, options: { serving?: boolean } = {}): DataDirectoryLock {
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, LOCK_FILE);
    const holder: LockHolder = {
      pid: process.pid,
      command: commandName(),
      host: hostname(),
      startedAt: new Date().toISOString(),
      processStart: processStart(process.pid),
      nonce: randomBytes(8).toString('hex'),
      ...(options.serving ? { serving: true } : {}),
    };
    for (let attempt = 0; attempt < 20; attempt++) {
      if (createExclusive(path, holder)) {
        const lock = new DataDirectoryLock(dataDir, holder);
        held.add(lock);
        installExitHandlers();
        return lock;
      }
      const current = readHolder(path);
      if (current && isAlive(current)) throw new DataDirectoryLocked(dataDir, current);
      clearStale(path, current);
    }
    throw new Error(`cannot take the lock ${path}: it keeps changing`);
  }

  /** Who holds a directory now, if a live process does (a stale lock counts as none). */
  static holderOf(dataDir: string): LockHolder | null {
    const current = readHolder(join(dataDir, LOCK_FILE));
    return current && isAlive(current) ? current : null;
  }

  /** Records that this process serves the directory at `url` (for `vigil ingest` to find it). */
  announceServer(url: string): void {
    this.holderState = { ...this.holderState, server: { url } };
    const path = join(this.dataDir, LOCK_FILE);
    const temporary = `${path}.${process.pid}.${this.holderState.nonce}`;
    writeFileSync(temporary, JSON.stringify(this.holderState));
    renameSync(temporary, path); // readers see the old lock or the new one, never half of one
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this);
    const path = join(this.dataDir, LOCK_FILE);
    const current = readHolder(path);
    if (current?.nonce === this.holder.nonce) unlinkSync(path);
  }
}

/** `vigil <command>` for the CLI, else the script's name. */
function commandName(): string {
  const script = basename(process.argv[1] ?? 'node');
  return /^vigil(?:\.js)?$/.test(script) ? `vigil ${process.argv[2] ?? ''}`.trim() : script;
}

/** Writes the lock under a temporary name, then links it into place: it exists whole or not at all. */
function createExclusive(path: string, holder: LockHolder): boolean {
  const temporary = `${path}.${process.pid}.${holder.nonce}`;
  const fd = openSync(temporary, 'wx', 0o644);
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

function readHolder(path: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    if (Number.isInteger(holder.pid) && typeof holder.nonce === 'string') return holder;
  } catch {
    // fall through: damaged
  }
  // Locks are put in place whole (linked or renamed), so a damaged one is not being written: it is stale.
  return { pid: -1, command: 'unknown', host: hostname(), startedAt: '', processStart: null, nonce: '' };
}

/** The holder is alive unless its pid is gone or now belongs to a process started at another time. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // another machine's process: cannot be checked, so respected
  if (holder.pid <= 0) return false;
  if (holder.pid === process.pid) return [...held].some((lock) => lock.holder.nonce === holder.nonce);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const started = processStart(holder.pid);
  return holder.processStart === null || started === null || started === holder.processStart;
}

/** Removes a stale lock unless someone replaced it meanwhile (checked by its nonce, under a short-lived guard). */
function clearStale(path: string, stale: LockHolder | null): void {
  if (!stale) return;
  const guard = `${path}.clearing`;
  try {
    writeFileSync(guard, String(process.pid), { flag: 'wx' });
  } catch {
    // Another process is clearing it; a guard left by a crash is removed when old.
    if (Date.now() - (statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 5000) unlinkSync(guard);
    sleep(20);
    return;
  }
  try {
    const current = readHolder(path);
    if (current?.nonce === stale.nonce) unlinkSync(path);
  } finally {
    unlinkSync(guard);
  }
}

/** Field 22 of /proc/PID/stat (start time in clock ticks since boot); null where there is no /proc. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

let exitHandlersInstalled = false;

/**
 * Locks are removed on every way out: a normal exit, and SIGINT/SIGTERM/SIGHUP when nothing else
 * handles them (a server handles them itself, closing the database first).
 */
function installExitHandlers(): void {
  if (exitHandlersInstalled) return;
  exitHandlersInstalled = true;
  process.on('exit', releaseAll);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      if (process.listenerCount(signal) > 1) return;
      releaseAll();
      process.exit(code);
    });
  }
}

function releaseAll(): void {
  for (const lock of [...held]) lock.release();
}

function lockedMessage(dataDir: string, holder: LockHolder): string {
  const who = `\`${holder.command}\` (pid ${holder.pid}${holder.host !== hostname() ? ` on ${holder.host}` : ''}, since ${holder.startedAt.slice(0, 19).replace('T', ' ')} UTC)`;
  const lines = [`the data directory ${dataDir} is in use by ${who}; only one process may open it at a time.`];
  if (holder.server) {
    lines.push(
      `It is served at ${holder.server.url}: browse the incidents there (or GET ${holder.server.url}api/incidents);`,
      '`vigil ingest` sends its reports to that server by itself. Or stop the server (Ctrl-C) and run this again.',
    );
  } else if (holder.serving) {
    lines.push('It is about to serve it (ingesting its sample first); `vigil ingest` waits for it and sends its reports there.');
  } else {
    lines.push('Wait for it to finish or stop it, then run this again; or use another --data directory.');
  }
  if (holder.host !== hostname()) lines.push(`If that process is no longer running, delete ${join(dataDir, LOCK_FILE)}.`);
  return lines.join('\n');
}
