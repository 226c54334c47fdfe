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
    .option('--api', 'instead, time the incident API under concurrent load (list and filter requests) on PGlite and PostgreSQL')
    .option('--incidents <n>', 'with --api: incidents in the seeded database', '100000')
    .option('--clients <n>', 'with --api: concurrent clients; several, comma-separated (1,5,20), run one after another on the same database', '20')
    .option('--clustering <sizes>', 'instead, time clustering and storing reports with this many incidents stored (comma-separated, e.g. 0,100000), on PGlite and PostgreSQL')
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
  npm run bench -- --articles ../shared/eval/events/ucdp_aec_test_dev.jsonl
  vigil bench --api --incidents 100000 --clients 20 --seconds 20

With --api, PostgreSQL is benched too when $VIGIL_DATABASE_URL (or the test server
postgres://postgres@127.0.0.1:5432/test) answers; a fresh schema is used and dropped.`,
    )
    .action(async (options: { pages: string; seconds: string; corpus?: string; articles?: string; json?: boolean; api?: boolean; incidents: string; clients: string; clustering?: string }) => {
      if (options.api) return benchApi(options);
      if (options.clustering) return benchClustering(options.clustering, options.json);
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

async function benchApi(options: { seconds: string; incidents: string; clients: string; json?: boolean }): Promise<void> {
  const { formatApiBench, runApiBench } = await import('../../bench/api.js');
  const settings = { incidents: Number(options.incidents), clients: options.clients.split(',').map(Number), seconds: Number(options.seconds), databaseUrl: await reachablePostgres() };
  if (!Number.isInteger(settings.incidents) || settings.incidents < 1 || settings.clients.some((n) => !Number.isInteger(n) || n < 1) || !(settings.seconds > 0)) {
    throw new UserError('--incidents and each of --clients must be positive whole numbers and --seconds a positive number');
  }
  const rows = await runApiBench(settings);
  if (options.json) printJson(rows);
  else process.stdout.write(`${formatApiBench(rows, settings)}\n`);
}

async function benchClustering(sizesOption: string, json?: boolean): Promise<void> {
  const sizes = sizesOption.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 0)) throw new UserError(`--clustering takes whole numbers separated by commas, got "${sizesOption}"`);
  const [{ formatClusteringBench, runClusteringBench }, { mkdtempSync, rmSync }, { tmpdir }, { join }] = await Promise.all([import('../../bench/clustering.js'), import('node:fs'), import('node:os'), import('node:path')]);
  const databaseUrl = await reachablePostgres();
  const targets: Parameters<typeof runClusteringBench>[0] = [{ backend: 'PGlite', location: () => ({ dataDir: mkdtempSync(join(tmpdir(), 'vigil-bench-')) }), cleanUp: async (l) => rmSync(l.dataDir!, { recursive: true, force: true }) }];
  if (databaseUrl) {
    const { default: pg } = await import('pg');
    targets.push({
      backend: 'PostgreSQL',
      location: () => ({ databaseUrl, schema: `vigil_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}` }),
      cleanUp: async (l) => {
        const client = new pg.Client({ connectionString: l.databaseUrl! });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${l.schema} CASCADE`);
        await client.end();
      },
    });
  }
  const rows = await runClusteringBench(targets, sizes);
  if (json) printJson(rows);
  else process.stdout.write(`${formatClusteringBench(rows)}\n`);
}

async function reachablePostgres(): Promise<string | null> {
  const url = process.env.VIGIL_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return url;
  } catch {
    process.stderr.write(`PostgreSQL not reachable at ${url}: benching PGlite only\n`);
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}
