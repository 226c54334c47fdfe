// Running the built CLI from ingestion tests: to completion, or killed part-way.
import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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
