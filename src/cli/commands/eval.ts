import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
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
      const { formatEventsReport, runEventsEval } = await import('../../eval/events.js');
      const report = runEventsEval(files, { limit, onRecord: () => progress.tick() });
      progress.finish();
      process.stdout.write(`${formatEventsReport(report)}\n`);
      if (options.json) await writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`);
    });
  evaluate
    .command('articles')
    .description('score main-content extraction (Vigil and Readability on the same pages) against marked article bodies')
    .argument('<dir>', 'benchmark folder with ground-truth.json and html/<id>.html.gz, e.g. ../shared/eval/articles')
    .option('--limit <n>', 'score only the first n pages')
    .option('--json <file>', 'also write {"pages", "vigil": {precision, recall, f1, ms_per_page}, "readability": {...}} to this file')
    .addHelpText(
      'after',
      `
Both outputs and the gold text are tokenised the same way (NFKC, lower case, runs of letters and
digits); per page, precision and recall count the tokens the two share (as multisets), and the
table shows the mean over pages. ms/page times the extraction call alone (DOM parsing included).
Readability and linkedom are development dependencies.

Examples:
  vigil eval articles ../shared/eval/articles
  npm run eval -- articles ../shared/eval/articles --json articles.json`,
    )
    .action(async (dir: string, options: { limit?: string; json?: string }) => {
      const limit = options.limit === undefined ? undefined : Number(options.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UserError(`--limit must be a positive whole number, got "${options.limit}"`);
      if (!existsSync(join(dir, 'ground-truth.json'))) throw new UserError(`${dir} has no ground-truth.json: give the benchmark folder (ground-truth.json and html/<id>.html.gz)`);
      const progress = new Progress('pages');
      const { formatArticlesReport, runArticlesEval } = await import('../../eval/articles.js');
      const report = await runArticlesEval(dir, { limit, onPage: () => progress.tick() });
      progress.finish();
      process.stdout.write(`${formatArticlesReport(report)}\n`);
      if (options.json) await writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`);
    });
}
