// The `vigil` command line. Each command lives in commands/ and registers itself here.
import { Command, CommanderError } from 'commander';
import { registerBench } from './commands/bench.js';
import { registerDecisions } from './commands/decisions.js';
import { registerEval } from './commands/eval.js';
import { registerExport } from './commands/export.js';
import { registerGeocode } from './commands/geocode.js';
import { registerIncidents } from './commands/incidents.js';
import { registerIngest } from './commands/ingest.js';
import { registerRecluster } from './commands/recluster.js';
import { registerServe } from './commands/serve.js';
import { registerStart } from './commands/start.js';
import { registerUsers } from './commands/users.js';
import { registerWatch } from './commands/watch.js';
import { registerWorker } from './commands/worker.js';
import { DataDirectoryLocked } from '../store/lock.js';
import { UserError } from './context.js';

export function buildProgram(): Command {
  const program = new Command('vigil')
    .description('Reads conflict news reports and codes incidents: what happened, where, when, who did it, how many were killed or hurt, and who says so.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Storage: embedded PGlite in ./vigil-data (or --data DIR, or $VIGIL_DATA); a PostgreSQL server
when $VIGIL_DATABASE_URL is set (e.g. postgres://postgres@127.0.0.1:5432/vigil).

Quick start:
  vigil ingest report.txt --published 2014-11-26
  vigil incidents
  vigil show VIG-...
  vigil export --format csv --out incidents.csv
  vigil user add alice --role analyst
  vigil serve`,
    );
  for (const register of [registerIngest, registerIncidents, registerExport, registerServe, registerStart, registerGeocode, registerEval, registerBench, registerWatch, registerWorker, registerUsers, registerDecisions, registerRecluster]) register(program);
  program.exitOverride();
  return program;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof UserError || error instanceof DataDirectoryLocked) {
      process.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.VIGIL_DEBUG) console.error(error);
    return 2;
  }
}
