import type { Command } from 'commander';
import { ActorLexicon } from '../../extract/index.js';
import { ActorRule } from '../../extract/rules/actor-rule.js';
import { readInputs, type IngestMetadata } from '../../ingest/index.js';
import { processReport } from '../../pipeline.js';
import type { Store } from '../../store/index.js';
import { DATA_OPTION_HELP, printJson, UserError, withStore } from '../context.js';
import { Progress } from '../progress.js';

export interface IngestSummary {
  reportsRead: number;
  reportsStored: number;
  duplicates: number;
  incidentsCreated: number;
  incidentsMerged: number;
  errors: Array<{ item: string; error: string }>;
  withoutPublicationDate: string[];
}

interface IngestOptions {
  published?: string;
  source?: string;
  url?: string;
  actors?: string[];
  json?: boolean;
  data?: string;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read reports, extract incidents and store them')
    .argument('<paths...>', '.txt, .html or .jsonl files, folders (searched recursively), or - for stdin')
    .option('--published <YYYY-MM-DD>', 'publication date of the reports (relative dates such as "on Tuesday" resolve against it)')
    .option('--source <name>', 'name of the source (outlet) the reports come from')
    .option('--url <url>', 'URL the report was taken from')
    .option('--actors <file...>', 'extra actor names, same format as data/lexicons/actors.txt')
    .option('--json', 'print the summary as JSON')
    .option('--data <dir>', DATA_OPTION_HELP)
    .addHelpText(
      'after',
      `
JSONL lines are objects with "text" or "html", and optionally "url", "title", "published", "source".
A report whose clean text is already stored is skipped. Bad items are reported one per line on
stderr and the rest of the batch goes on; the exit code is 1 if any item failed.

Examples:
  vigil ingest report.txt --published 2014-11-26
  vigil ingest pages/ feeds.jsonl --json
  curl -s https://example.org/article | vigil ingest - --url https://example.org/article`,
    )
    .action(async (paths: string[], options: IngestOptions) => {
      if (options.published && !isDate(options.published)) throw new UserError(`--published must be a date YYYY-MM-DD, got "${options.published}"`);
      const metadata: IngestMetadata = { published: options.published ?? null, source: options.source ?? null, url: options.url ?? null };
      const actorRule = options.actors ? new ActorRule(ActorLexicon.fromFiles(options.actors)) : undefined;
      const summary = await withStore(options, (store) => ingest(store, paths, metadata, actorRule));
      if (options.json) printJson(summary);
      else printSummary(summary);
      if (summary.errors.length > 0) process.exitCode = 1;
    });
}

export async function ingest(store: Store, paths: string[], metadata: IngestMetadata, actorRule?: ActorRule): Promise<IngestSummary> {
  const summary: IngestSummary = { reportsRead: 0, reportsStored: 0, duplicates: 0, incidentsCreated: 0, incidentsMerged: 0, errors: [], withoutPublicationDate: [] };
  const progress = new Progress('ingest');
  for await (const item of readInputs(paths, metadata)) {
    progress.tick();
    if (!item.ok) {
      fail(item.item, item.error);
      continue;
    }
    summary.reportsRead++;
    try {
      const outcome = await processReport(item.report, store, { actorRule });
      if (outcome.missingPublished) summary.withoutPublicationDate.push(outcome.origin);
      if (!outcome.stored) summary.duplicates++;
      else summary.reportsStored++;
      summary.incidentsCreated += outcome.incidentsCreated;
      summary.incidentsMerged += outcome.incidentsMerged;
    } catch (error) {
      fail(item.report.origin, error instanceof Error ? error.message : String(error));
    }
  }
  progress.finish();
  return summary;

  function fail(item: string, error: string) {
    summary.errors.push({ item, error });
    process.stderr.write(`error: ${item}: ${error}\n`);
  }
}

function printSummary(s: IngestSummary): void {
  const lines = [
    `reports read: ${s.reportsRead} (stored ${s.reportsStored}, already stored ${s.duplicates})`,
    `incidents: ${s.incidentsCreated} created, ${s.incidentsMerged} merged into existing ones`,
    `errors: ${s.errors.length}`,
  ];
  if (s.withoutPublicationDate.length > 0) {
    lines.push(
      `note: no publication date for ${s.withoutPublicationDate.length} report(s) (${s.withoutPublicationDate.slice(0, 3).join(', ')}${s.withoutPublicationDate.length > 3 ? ', ...' : ''}):`,
      '      none was given with --published and none was found in the page, so only dates that state',
      '      their year were coded; relative dates ("on Tuesday") were left uncoded. Pass --published to fix.',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}
