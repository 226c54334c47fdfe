import type { Command } from 'commander';
import { printJson, UserError, withStore } from '../context.js';
import { budgetFrom, positive } from './ingest.js';

interface WorkerOptions {
  batch: string;
  jobs?: string;
  poll: string;
  reportTimeout: string;
  reportMemory: string;
  untilEmpty?: boolean;
  json?: boolean;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('process reports queued with `vigil ingest --enqueue` (PostgreSQL job queue); run any number, on any machines')
    .option('--batch <n>', 'jobs taken and stored per transaction', '100')
    .option('--jobs <n>', 'analysis threads (default: the number of cores)')
    .option('--poll <seconds>', 'wait between looks at an empty queue', '2')
    .option('--report-timeout <seconds>', 'time one report may take to analyse; past it, it is ended and its job fails', '60')
    .option('--report-memory <MB>', 'memory (heap) an analysis thread may use', '512')
    .option('--until-empty', 'stop when the queue has nothing waiting (default: run until SIGINT/SIGTERM)')
    .option('--json', 'print the summary as JSON when stopping')
    .addHelpText(
      'after',
      `
Needs $VIGIL_DATABASE_URL (and $VIGIL_DATABASE_SCHEMA if not public): the queue lives in the same
PostgreSQL database, in the schema <schema>_queue (vigil_queue for public). A worker that dies
leaves its jobs to expire (15 minutes); they are then retried, up to 3 times. Retried jobs are
never stored twice. A report that cannot be read fails its job (one line on stderr) and is not retried.
SIGINT or SIGTERM stops the worker after the batch in hand.

Examples:
  export VIGIL_DATABASE_URL=postgres://postgres@db.example:5432/vigil
  vigil ingest --enqueue crawl/ feeds.urls
  vigil worker                       # on each machine
  vigil worker --until-empty --json  # drain the queue, then exit`,
    )
    .action(async (options: WorkerOptions) => {
      const databaseUrl = process.env.VIGIL_DATABASE_URL;
      if (!databaseUrl) throw new UserError('the worker needs a PostgreSQL server: set VIGIL_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/vigil)');
      const batchSize = positive(options.batch, '--batch');
      const pollSeconds = Number(options.poll);
      if (!(pollSeconds > 0)) throw new UserError(`--poll must be a positive number of seconds, got "${options.poll}"`);
      let stop = false;
      const onSignal = () => {
        stop = true;
      };
      process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
      const { Analyser } = await import('../../pipeline/run.js');
      const { openQueue, work } = await import('../../queue/index.js');
      const analyser = new Analyser({ threads: options.jobs === undefined ? undefined : positive(options.jobs, '--jobs'), budget: budgetFrom(options) });
      const boss = await openQueue({ databaseUrl, schema: process.env.VIGIL_DATABASE_SCHEMA || null });
      try {
        const summary = await withStore({}, (store) =>
          work(boss, store, {
            analyser,
            batchSize,
            pollSeconds,
            untilEmpty: options.untilEmpty ?? false,
            stopping: () => stop,
            onBatch: (s) => {
              if (!options.json) process.stderr.write(`batch: ${s.reportsRead} reports, ${s.reportsStored} stored, ${s.duplicates} already stored, ${s.errors.length} errors\n`);
            },
          }),
        );
        if (options.json) printJson(summary);
        else process.stdout.write(`reports: ${summary.reportsRead} (stored ${summary.reportsStored}, already stored ${summary.duplicates}); incidents: ${summary.incidentsCreated} created, ${summary.incidentsMerged} merged; errors: ${summary.errors.length}\n`);
        if (summary.errors.length > 0) process.exitCode = 1;
      } finally {
        await analyser.close();
        await boss.stop({ graceful: false, wait: true });
      }
    });
}
