import type { Command } from 'commander';
import { recluster } from '../../pipeline/recluster.js';
import { DATA_OPTION_HELP, printJson, withStore } from '../context.js';
import { Progress } from '../progress.js';

export function registerRecluster(program: Command): void {
  program
    .command('recluster')
    .description("rebuild the machine's clustering from the stored reports; what people decided (merge, split, move, set) stays")
    .option('--json', 'print the summary as JSON')
    .option('--data <dir>', DATA_OPTION_HELP)
    .action(async (options: { json?: boolean; data?: string }) => {
      await withStore(options, async (store) => {
        const progress = new Progress('reports');
        const summary = await recluster(store, () => progress.tick());
        progress.finish();
        if (options.json) printJson(summary);
        else process.stdout.write(`${summary.reports} reports read again: ${summary.incidentsBefore} incidents before, ${summary.incidentsAfter} after (${summary.keptByHumans} kept as people decided them)\n`);
      });
    });
}
