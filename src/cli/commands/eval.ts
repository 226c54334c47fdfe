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
    .option('--errors <file>', 'also write every record with a wrong field, one JSON object a line: {id, text, errors: {field: {kind, gold, ours}}}')
    .addHelpText(
      'after',
      `
It extracts from each record's text alone (published on the record's "published" date, else the
day after the gold date), scores the incident whose date and place best match the gold, and
prints one table: per field, records scored, accuracy and the commonest error kinds. Fields the
gold leaves null are not scored. The date of a record with no "published" field whose text states
no day is scored apart (date_unstated): the harness's own guess of publication would score it.
main_event: how often the incident scored is the one Vigil ranked first (the report's main event).
See README "Evaluation" for the matching rules.

Examples:
  vigil eval events ../shared/eval/events/*.jsonl
  npm run eval -- events ../shared/eval/events/acled_global_2020_05_dev.jsonl --json eval.json
  vigil eval events gold.jsonl --errors errors.jsonl && grep '"fatalities"' errors.jsonl | head`,
    )
    .action(async (files: string[], options: { limit?: string; json?: string; errors?: string }) => {
      const limit = options.limit === undefined ? undefined : Number(options.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UserError(`--limit must be a positive whole number, got "${options.limit}"`);
      const missing = files.find((file) => !existsSync(file));
      if (missing) throw new UserError(`${missing}: no such file`);
      const progress = new Progress('records');
      const { formatEventsReport, runEventsEval } = await import('../../eval/events.js');
      const errorLines: string[] = [];
      const onErrors = options.errors ? (errors: object) => errorLines.push(JSON.stringify(errors)) : undefined;
      const report = runEventsEval(files, { limit, onRecord: () => progress.tick(), onErrors });
      progress.finish();
      process.stdout.write(`${formatEventsReport(report)}\n`);
      if (options.json) await writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`);
      if (options.errors) await writeFile(options.errors, errorLines.map((line) => `${line}\n`).join(''));
    });
  evaluate
    .command('clusters')
    .description('score the clustering rule: which reports tell the same event (JSONL: id, cluster, text, title?, published?, topic?)')
    .argument('<file>', 'gold JSONL, e.g. ../shared/eval/clusters/ecbplus_dev.jsonl')
    .option('--limit <n>', 'cluster only the first n records')
    .option('--json <file>', 'also write {"records", "bcubed": {precision, recall, f1}, "pairwise": {...}, "withinTopic": {...}} to this file')
    .addHelpText(
      'after',
      `
Every record is a report, read as Vigil reads one (its main incident's type, date, place and
perpetrator, when it yields one, and the term counts of its text); in file order each joins
the cluster the rule of src/reconcile/cluster.ts calls the same incident, or starts one. Prints
B-cubed and pairwise precision, recall and F1 over the file and within topics (the records' topic
field, or the cluster id up to its first "_"), and clusters per true event. See README "Clustering".

Example:
  npm run eval -- clusters ../shared/eval/clusters/ecbplus_dev.jsonl --json clusters.json`,
    )
    .action(async (file: string, options: { limit?: string; json?: string }) => {
      const limit = options.limit === undefined ? undefined : Number(options.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UserError(`--limit must be a positive whole number, got "${options.limit}"`);
      if (!existsSync(file)) throw new UserError(`${file}: no such file`);
      const progress = new Progress('records');
      const { formatClustersReport, runClustersEval } = await import('../../eval/clusters.js');
      const report = runClustersEval(file, { limit, onRecord: () => progress.tick() });
      progress.finish();
      process.stdout.write(`${formatClustersReport(report)}\n`);
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
