import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatEventsReport, runEventsEval } from '../../eval/events.js';
import { UserError } from '../context.js';
import { Progress } from '../progress.js';

export function registerEval(program: Command): void {
  const evaluate = program.command('eval').description('measure accuracy against gold data (see README "Evaluation")');
  evaluate
    .command('events')
    .description('score extraction against human-coded event records (JSONL: id, text, date, country, location, latitude, longitude, event_type, ...)')
    .argument('<files...>', 'gold JSONL files, e.g. ../shared/eval/events/*.jsonl')
    .option('--limit <n>', 'score only the first n records')
    .option('--json <file>', 'also write the results as JSON to this file')
    .action(async (files: string[], options: { limit?: string; json?: string }) => {
      const limit = options.limit === undefined ? undefined : Number(options.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UserError(`--limit must be a positive whole number, got "${options.limit}"`);
      const progress = new Progress('records');
      const report = runEventsEval(files, { limit, onRecord: () => progress.tick() });
      progress.finish();
      process.stdout.write(`${formatEventsReport(report)}\n`);
      if (options.json) await writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`);
    });
}
