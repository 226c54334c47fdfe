// Stopping `npm start` (issue 12, failure 6): killing npm's own process left the Vigil server
// running and holding its data directory. npm forwards SIGTERM, and the script execs node so
// that the server gets it; the server closes the database and releases the directory.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { waitForFile } from './cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-npm-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it('stops the server and releases the data directory when npm is sent SIGTERM', { timeout: 180_000 }, async () => {
  const data = join(dir, 'data');
  const npm = spawn('npm', ['start'], { cwd: new URL('..', import.meta.url).pathname, env: { ...process.env, VIGIL_DATA: data, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const npmExited = new Promise((resolve) => npm.on('exit', resolve));
  const lock = join(data, 'vigil.lock');
  await waitForFile(lock, 120_000);
  while (!output.includes('Vigil is serving')) await new Promise((resolve) => setTimeout(resolve, 100));
  const server = (JSON.parse(readFileSync(lock, 'utf8')) as { pid: number }).pid;
  expect(server).not.toBe(npm.pid);

  npm.kill('SIGTERM');
  await npmExited;
  for (let waited = 0; alive(server) && waited < 30_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(alive(server)).toBe(false);
  expect(existsSync(lock)).toBe(false);
  expect(existsSync(join(data, 'ingest.token'))).toBe(false);
});
