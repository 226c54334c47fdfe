import type { Command } from 'commander';
import { formatBench, runBench } from '../../bench/index.js';
import { printJson, UserError } from '../context.js';

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('measure the speed of each pipeline stage on a synthetic corpus (see README "Benchmark")')
    .option('--narratives <n>', 'narratives for the extraction and geocoding rows', '5000')
    .option('--pages <n>', 'HTML pages for the cleaning and end-to-end rows', '300')
    .option('--json', 'print the rows as JSON')
    .action(async (options: { narratives: string; pages: string; json?: boolean }) => {
      const counts = { narratives: Number(options.narratives), pages: Number(options.pages) };
      if (!Number.isInteger(counts.narratives) || counts.narratives < 1 || !Number.isInteger(counts.pages) || counts.pages < 1) {
        throw new UserError('--narratives and --pages must be positive whole numbers');
      }
      counts.pages = Math.min(counts.pages, counts.narratives);
      const rows = await runBench(counts);
      if (options.json) printJson(rows);
      else process.stdout.write(`${formatBench(rows)}\n`);
    });
}
