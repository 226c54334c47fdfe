import type { Command } from 'commander';
// Heavy modules (the pipeline, the queue) are imported when a command runs, so `--help` and
// other commands start fast.
import type { IngestMetadata, ReadOptions } from '../../ingest/index.js';
import type { Budget } from '../../pipeline/pool.js';
import type { Analyser, IngestSummary } from '../../pipeline/run.js';
import { DataDirectoryLock, DataDirectoryLocked, readIngestToken, type LockHolder, type Store } from '../../store/index.js';
import { DATA_OPTION_HELP, printJson, storeLocation, UserError, withStore } from '../context.js';
import { Progress } from '../progress.js';

export type { IngestSummary } from '../../pipeline/run.js';

interface IngestOptions {
  published?: string;
  source?: string;
  url?: string;
  urls?: string[];
  actors?: string[];
  allowPrivate?: boolean;
  jobs?: string;
  batch: string;
  maxBytes?: string;
  timeout?: string;
  reportTimeout: string;
  reportMemory: string;
  enqueue?: boolean;
  json?: boolean;
  data?: string;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read reports (files, folders, WARC archives, RSS/Atom feeds, URLs), extract incidents and store them')
    .argument('[paths...]', '.txt .html .jsonl .warc .warc.gz .rss .atom .xml .urls files, folders (searched recursively), http(s) URLs of pages or feeds, or - for stdin')
    .option('--published <YYYY-MM-DD>', 'publication date of the reports (relative dates such as "on Tuesday" resolve against it)')
    .option('--source <name>', 'name of the source (outlet) the reports come from')
    .option('--url <url>', 'URL the report was taken from')
    .option('--urls <file...>', 'files listing URLs to fetch, one a line (# starts a comment)')
    .option('--actors <file...>', 'extra actor names, same format as data/lexicons/actors.txt')
    .option('--allow-private', 'let URLs reach private, loopback and link-local addresses (refused by default)')
    .option('--jobs <n>', 'analysis threads (default: the number of cores; 1 analyses on the main thread)')
    .option('--batch <n>', 'reports stored per transaction', '100')
    .option('--max-bytes <n>', 'largest page fetched or WARC record read, in bytes', '10485760')
    .option('--timeout <seconds>', 'time limit for each fetch', '30')
    .option('--report-timeout <seconds>', 'time one report may take to analyse; past it, it is ended and named', '60')
    .option('--report-memory <MB>', 'memory (heap) an analysis thread may use; past it, its report is ended and named', '512')
    .option('--enqueue', 'put the reports in the PostgreSQL job queue for `vigil worker` processes instead of ingesting here (needs $VIGIL_DATABASE_URL)')
    .option('--json', 'print the summary as JSON')
    .option('--data <dir>', DATA_OPTION_HELP)
    .addHelpText(
      'after',
      `
A report's identity is its clean text (SHA-256) and its URL: ingesting the same thing twice
changes nothing, and a changed page at a known URL is stored as a new version linked to the old.
A batch killed at any point can be run again: each report ends up stored exactly once.

JSONL lines are objects with "text" or "html", and optionally "url", "title", "published", "source".
A .txt file whose lines are all http(s) URLs is read as a URL list. Feed items are read from the
page they link to. WARC archives keep their HTML and text responses; other records are passed over.
URLs may not reach private or loopback addresses unless --allow-private is given.
One process at a time may open a data directory. When \`vigil serve\` or \`vigil start\` (npm start)
holds it, the reports are sent to that server, which stores them and shows them at once (--jobs
and --batch are then the server's); any other holder is named and the command refused.
Bad items are reported one per line on stderr and the rest of the batch goes on; the exit code is
1 if any item failed. Each report is analysed on a worker thread within a budget: one that takes
longer than --report-timeout, or more memory than --report-memory, is ended and named
("analysis ended: over its time budget (60 s)") and the others go on. Progress goes to stderr (a live line on a terminal).

Examples:
  vigil ingest report.txt --published 2014-11-26
  vigil ingest pages/ export.jsonl crawl.warc.gz --json
  vigil ingest https://example.org/feed.xml
  vigil ingest --urls to-read.urls --timeout 10
  curl -s https://example.org/article | vigil ingest - --url https://example.org/article
  VIGIL_DATABASE_URL=postgres://... vigil ingest --enqueue pages/   # then: vigil worker`,
    )
    .action(async (paths: string[], options: IngestOptions) => {
      if (paths.length === 0 && !options.urls) throw new UserError('nothing to ingest: give paths, URLs, - for stdin, or --urls FILE');
      if (options.published && !isDate(options.published)) throw new UserError(`--published must be a date YYYY-MM-DD, got "${options.published}"`);
      const metadata: IngestMetadata = { published: options.published ?? null, source: options.source ?? null, url: options.url ?? null };
      const read: ReadOptions = {
        urlLists: options.urls,
        fetch: { allowPrivate: options.allowPrivate ?? false, maxBytes: positive(options.maxBytes, '--max-bytes'), timeoutMs: positive(options.timeout, '--timeout') * 1000 },
      };
      const jobs = options.jobs === undefined ? undefined : positive(options.jobs, '--jobs');
      const batchSize = positive(options.batch, '--batch');
      const budget = budgetFrom(options);
      const summary = options.enqueue
        ? await enqueueCommand(paths, metadata, read)
        : await ingestOrForward(options, () => withStore(options, (store) => ingest(store, paths, metadata, { read, jobs, batchSize, budget, actorFiles: options.actors ?? null })), (server) =>
            forward(server, paths, metadata, read, options),
          );
      if (options.json) printJson(summary);
      else printSummary(summary, options.enqueue ?? false);
      if (summary.errors.length > 0) process.exitCode = 1;
    });
}

export async function ingest(
  store: Store,
  paths: string[],
  metadata: IngestMetadata,
  options: { read?: ReadOptions; jobs?: number; batchSize?: number; actorFiles?: string[] | null; budget?: Budget; analyser?: Analyser } = {},
): Promise<IngestSummary> {
  const { countReports, readInputs } = await import('../../ingest/index.js');
  const { Analyser, ingestItems } = await import('../../pipeline/run.js');
  const expected = options.read?.urlLists ? null : await countReports(paths);
  const progress = new Progress('ingest', expected ?? undefined, process.stderr, 10_000);
  const analyser = options.analyser ?? new Analyser({ threads: options.jobs, actorFiles: options.actorFiles, expected, budget: options.budget });
  try {
    return await ingestItems(store, readInputs(paths, metadata, options.read), { analyser, batchSize: options.batchSize, onItem: () => progress.tick() });
  } finally {
    progress.finish();
    if (!options.analyser) await analyser.close();
  }
}

/** How long `vigil ingest` waits for a server that holds the directory to start listening (it may be ingesting its sample first). */
const SERVER_START_WAIT_MS = 120_000;

/**
 * Runs `here` on the data directory; when a server holds it, hands the work to `toServer` instead
 * (once the server listens). Anything else holding it is refused with a message naming it.
 */
async function ingestOrForward(options: IngestOptions, here: () => Promise<IngestSummary>, toServer: (server: LockHolder & { server: { url: string } }) => Promise<IngestSummary>): Promise<IngestSummary> {
  const { dataDir, databaseUrl } = storeLocation(options);
  const deadline = Date.now() + SERVER_START_WAIT_MS;
  for (;;) {
    try {
      return await here();
    } catch (error) {
      if (databaseUrl || !(error instanceof DataDirectoryLocked) || !error.holder.serving) throw error;
    }
    let holder = DataDirectoryLock.holderOf(dataDir);
    while (holder?.serving && !holder.server && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      holder = DataDirectoryLock.holderOf(dataDir);
    }
    if (holder?.server) return toServer(holder as LockHolder & { server: { url: string } });
    if (holder) throw new DataDirectoryLocked(dataDir, holder);
    // The server stopped meanwhile: the directory is free, ingest here.
  }
}

async function forward(holder: LockHolder & { server: { url: string } }, paths: string[], metadata: IngestMetadata, read: ReadOptions, options: IngestOptions): Promise<IngestSummary> {
  const { dataDir } = storeLocation(options);
  if (options.actors) throw new UserError(`${dataDir} is served by \`${holder.command}\` (pid ${holder.pid}), which analyses with its own actor list: stop it to ingest with --actors, or use another --data directory`);
  const token = readIngestToken(dataDir);
  if (!token) throw new UserError(`${dataDir} is served by \`${holder.command}\` (pid ${holder.pid}) at ${holder.server.url}, but its ingest token (${dataDir}/ingest.token) cannot be read: run this as the user who started the server`);
  process.stderr.write(`note: ${dataDir} is served by \`${holder.command}\` (pid ${holder.pid}) at ${holder.server.url}; sending the reports to it (they show on its page at once)\n`);
  const { countReports, readInputs } = await import('../../ingest/index.js');
  const { forwardItems } = await import('../../ingest/forward.js');
  const expected = read.urlLists ? null : await countReports(paths);
  const progress = new Progress('ingest', expected ?? undefined, process.stderr, 10_000);
  try {
    return await forwardItems(holder.server.url, token, readInputs(paths, metadata, read), () => progress.tick());
  } catch (error) {
    throw new UserError((error as Error).message);
  } finally {
    progress.finish();
  }
}

async function enqueueCommand(paths: string[], metadata: IngestMetadata, read: ReadOptions): Promise<IngestSummary> {
  const url = process.env.VIGIL_DATABASE_URL;
  if (!url) throw new UserError('--enqueue needs a PostgreSQL server: set VIGIL_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/vigil)');
  const { countReports, readInputs } = await import('../../ingest/index.js');
  const { enqueue } = await import('../../queue/index.js');
  const progress = new Progress('enqueue', (await countReports(paths)) ?? undefined, process.stderr, 10_000);
  try {
    // Opening the ledger first creates or migrates it, so workers starting together never race to.
    return await withStore({}, () => enqueue({ databaseUrl: url, schema: process.env.VIGIL_DATABASE_SCHEMA || null }, readInputs(paths, metadata, read), () => progress.tick()));
  } finally {
    progress.finish();
  }
}

function printSummary(s: IngestSummary, enqueued: boolean): void {
  const lines = enqueued
    ? [`reports enqueued: ${s.reportsRead} (run \`vigil worker\` to process them)`, `errors: ${s.errors.length}`]
    : [
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

/** The per-report budget from `--report-timeout` and `--report-memory`. */
export function budgetFrom(options: { reportTimeout: string; reportMemory: string }): Budget {
  return { timeoutMs: positive(options.reportTimeout, '--report-timeout') * 1000, memoryMb: positive(options.reportMemory, '--report-memory') };
}

export function positive(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`${name} must be a positive whole number, got "${value}"`);
  return n;
}

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}
