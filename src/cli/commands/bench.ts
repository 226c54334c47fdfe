import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { printJson, UserError } from '../context.js';

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('measure the speed of each pipeline stage on a corpus of realistic news pages (see README "Ingestion")')
    .option('--pages <n>', 'pages in the generated corpus', '2000')
    .option('--seconds <n>', 'time budget of each slow stage (extraction, geocoding, Readability; twice this end to end)', '10')
    .option('--corpus <dir>', 'use the .html files in this folder instead of generating pages')
    .option('--articles <file>', 'also time article reading on the "text" of each line of this JSONL file (real news articles, e.g. ../shared/eval/events/ucdp_aec_test_dev.jsonl)')
    .option('--json', 'print the rows as JSON')
    .addHelpText(
      'after',
      `
Fast stages (decoding, cleaning) run over the whole corpus; slow ones run until their budget is
spent and say how many pages that was. The default run takes about two minutes on two cores.

Examples:
  vigil bench
  vigil bench --pages 5000 --seconds 30 --json
  vigil bench --corpus saved-pages/
  npm run bench -- --articles ../shared/eval/events/ucdp_aec_test_dev.jsonl`,
    )
    .action(async (options: { pages: string; seconds: string; corpus?: string; articles?: string; json?: boolean }) => {
      const { formatBench, runBench } = await import('../../bench/index.js');
      const pages = Number(options.pages);
      const seconds = Number(options.seconds);
      if (!Number.isInteger(pages) || pages < 1 || !(seconds > 0)) throw new UserError('--pages must be a positive whole number and --seconds a positive number');
      if (options.articles && !existsSync(options.articles)) throw new UserError(`${options.articles}: no such file`);
      const rows = await runBench({ pages, seconds, corpus: options.corpus, articles: options.articles });
      if (options.json) printJson(rows);
      else process.stdout.write(`${formatBench(rows)}\n`);
    });
}
