// Running the built CLI from ingestion tests: to completion, or killed part-way.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { narratives } from '../src/bench/corpus.js';

const run = promisify(execFile);
export const bin = new URL('../bin/vigil.js', import.meta.url).pathname;

export async function vigil(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Starts the CLI and kills it with SIGKILL after `ms`, or lets it finish if it is quicker. */
export function killAfter(args: string[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** `count` short one-sentence reports as .txt files (short: extraction time grows with sentences). */
export function writeReports(dir: string, count: number, seed: number): void {
  narratives(count, seed).forEach((n, i) => writeFileSync(join(dir, `report-${String(i).padStart(3, '0')}.txt`), `${n.text}\n`));
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** Sends SIGTERM and waits for the process to exit; resolves to its exit code. */
  stop(): Promise<number | null>;
}

/** Starts `vigil serve` (or `start`) and resolves once it listens; `--port 0` picks a free port. */
export function startServer(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /serving .* at (http:\/\/\S+?)\/? /.exec(output)?.[1];
      if (url) resolve({ url: `${url.replace('localhost', '127.0.0.1')}/`, child, stop });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening: ${output}`)));
  });
}

/** Resolves once `path` exists (polling), or rejects after `ms`. */
export async function waitForFile(path: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`${path} did not appear within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
