import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { EXPORT_FORMATS, exportStream, formatTallies, type ExportFormat } from '../../export/index.js';
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
    .option('--tallies', 'write the running tallies reports give instead ("87 killed since early 2022"), with their period, scope and source; --from/--to select by publication date')
    .option('--data <dir>', DATA_OPTION_HELP)
    .addHelpText(
      'after',
      `
JSON is an array of incidents with their claims; CSV has the same scalar columns; GeoJSON is a
FeatureCollection of Points (incidents without coordinates are left out). With --tallies, JSON or
CSV of the running tallies, one figure a record. See README "Export contract".

Examples:
  vigil export --format csv --out incidents.csv
  vigil export --country Syria --from 2022-01-01 --format geojson
  vigil export --tallies --format csv --from 2022-06-01`,
    )
    .action(async (options: { format: string; out?: string; data?: string; q?: string; country?: string; from?: string; to?: string; tallies?: boolean }) => {
      if (!EXPORT_FORMATS.includes(options.format as ExportFormat)) throw new UserError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${options.format}"`);
      if (options.tallies && options.format === 'geojson') throw new UserError('--tallies are written as json or csv: a tally counts over a period and an area, not at a point');
      const output = await withStore(options, async (store) => {
        if (options.tallies) {
          const { from, to } = filterFrom(options);
          const tallies = await store.tallies({ from, to });
          const reports = new Map((await store.getReports([...new Set(tallies.map((t) => t.reportId ?? ''))])).map((r) => [r.id, r]));
          return formatTallies(tallies, reports, options.format as 'json' | 'csv');
        }
        const { limit: _limit, ...filter } = filterFrom(options);
        const out = options.out ? createWriteStream(options.out) : process.stdout;
        await pipeline(Readable.from(exportStream(store, filter, options.format as ExportFormat)), out, { end: Boolean(options.out) });
        return null;
      });
      if (output === null) return;
      if (options.out) await writeFile(options.out, output);
      else process.stdout.write(output);
    });
}
