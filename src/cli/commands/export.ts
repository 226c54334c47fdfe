import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { EXPORT_FORMATS, formatExport, loadReports, type ExportFormat } from '../../export/index.js';
import { DATA_OPTION_HELP, UserError, withStore } from '../context.js';
import { filterFrom } from './incidents.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write every stored incident as ACLED-style JSON, CSV or GeoJSON')
    .option('--format <format>', `one of: ${EXPORT_FORMATS.join(', ')}`, 'json')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--q <text>', 'only incidents whose place, actors, type or notes contain this text')
    .option('--country <name>', 'only incidents in this country')
    .option('--from <YYYY-MM-DD>', 'only incidents on or after this date')
    .option('--to <YYYY-MM-DD>', 'only incidents on or before this date')
    .option('--data <dir>', DATA_OPTION_HELP)
    .addHelpText('after', '\nJSON is an array of incidents with their claims; CSV has the same scalar columns; GeoJSON is a\nFeatureCollection of Points (incidents without coordinates are left out). See README "Export contract".')
    .action(async (options: { format: string; out?: string; data?: string; q?: string; country?: string; from?: string; to?: string }) => {
      if (!EXPORT_FORMATS.includes(options.format as ExportFormat)) throw new UserError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${options.format}"`);
      const output = await withStore(options, async (store) => {
        const incidents = await store.listIncidents({ ...filterFrom(options), limit: Number.MAX_SAFE_INTEGER });
        return formatExport(incidents, await loadReports(store, incidents), options.format as ExportFormat);
      });
      if (options.out) await writeFile(options.out, output);
      else process.stdout.write(output);
    });
}
