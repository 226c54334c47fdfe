// `vigil bench`: how fast each stage runs, on a corpus of realistic news pages (generated from a
// seed, or read from a folder), printed as one table. Slow stages are time-boxed: they run over
// the corpus until their time budget is spent, and the row says how many pages that was.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanReport } from '../clean/index.js';
import { extract } from '../extract/index.js';
import { geocode, lookupName } from '../geocode/index.js';
import { BatchWriter } from '../pipeline/batch.js';
import { decodeBytes } from '../ingest/decode.js';
import type { IngestItem } from '../ingest/index.js';
import { Analyser, ingestItems } from '../pipeline/run.js';
import { analyse, storeAnalysis, type Analysis } from '../pipeline/index.js';
import { Store } from '../store/index.js';
import type { RawReport } from '../types.js';
import { shiftDate } from '../util/dates.js';
import { narratives, newsPage, seededRandom, type BenchPage } from './corpus.js';

export interface BenchRow {
  stage: string;
  items: number;
  seconds: number;
  /** Pages (or items) per second. */
  rate: string;
  /** Megabytes of input HTML per second, where the stage reads pages. */
  mbps: string;
  note: string;
}

export interface BenchOptions {
  /** Pages in the generated corpus. */
  pages: number;
  /** Time budget of each time-boxed stage. */
  seconds: number;
  /** Read the corpus from this folder of .html files instead of generating it. */
  corpus?: string;
  /** JSONL of real news articles (a "text" field a line) to time article reading on. */
  articles?: string;
}

const perSecond = (items: number, seconds: number) => `${(items / seconds).toLocaleString('en-US', { maximumFractionDigits: items / seconds < 100 ? 1 : 0 })}/s`;
const mbPerSecond = (bytes: number, seconds: number) => (bytes / 1e6 / seconds).toFixed(2);
const raw = (content: string, origin = 'bench'): RawReport => ({ origin, url: null, title: null, sourceName: null, published: null, format: 'html', content });

function time<T>(work: () => T): { seconds: number; result: T } {
  const started = performance.now();
  const result = work();
  return { seconds: (performance.now() - started) / 1000, result };
}

/** Runs `work` over `items` in order until the budget is spent; returns how many it did and in how long. */
function timeBoxed<T>(items: T[], budgetSeconds: number, work: (item: T) => void): { done: number; seconds: number } {
  const started = performance.now();
  let done = 0;
  while (done < items.length && (performance.now() - started) / 1000 < budgetSeconds) work(items[done++]!);
  return { done, seconds: (performance.now() - started) / 1000 };
}

export async function runBench(options: BenchOptions): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const row = (stage: string, items: number, seconds: number, bytes: number | null, note: string) =>
    rows.push({ stage, items, seconds, rate: items > 1 ? perSecond(items, seconds) : '-', mbps: bytes === null ? '-' : mbPerSecond(bytes, seconds), note });

  const corpus = time(() => (options.corpus ? readCorpus(options.corpus) : generateCorpus(options.pages)));
  const pages = corpus.result;
  const sizeOf = (count: number) => pages.slice(0, count).reduce((sum, p) => sum + p.bytes.length, 0);
  row(options.corpus ? `corpus: read ${options.corpus}` : 'corpus: generate', pages.length, corpus.seconds, sizeOf(pages.length), `${(sizeOf(pages.length) / 1e6).toFixed(1)} MB, ${Math.round(sizeOf(pages.length) / pages.length / 1000)} KB a page on average`);

  const decoding = time(() => pages.map((p) => decodeBytes(p.bytes, p.charset)));
  const texts = decoding.result.map((d) => (d.ok ? d.text : ''));
  row('decode (bytes to text: BOM, header, <meta>)', pages.length, decoding.seconds, sizeOf(pages.length), 'utf-8, windows-1252, iso-8859-1, windows-1256, utf-16');

  const cleaning = time(() => texts.map((t) => cleanReport(raw(t)).text));
  row('clean (Vigil: HTML to article text)', pages.length, cleaning.seconds, sizeOf(pages.length), 'one core');

  const readability = await readabilityTimer();
  if (readability) {
    const r = timeBoxed(texts, options.seconds, readability);
    row('reference: Readability + linkedom', r.done, r.seconds, sizeOf(r.done), 'one core, same pages, same run');
  }

  const rssBefore = process.memoryUsage().rss;
  const load = time(() => lookupName('Raqqa'));
  row('gazetteer load (first lookup)', 1, load.seconds, null, `the index adds about ${Math.round((process.memoryUsage().rss - rssBefore) / 1e6)} MB resident`);
  const names = ['Raqqa', 'al-Raqqa', 'Deir ez-Zor', 'Kabul', 'Mogadishu', 'Gardez', 'Ayn al-Arab', 'Springfield', 'Nowhere-ville', 'Aleppo'];
  const cpuBefore = process.cpuUsage();
  const lookups = time(() => {
    for (let i = 0; i < 100_000; i++) lookupName(names[i % names.length]!);
  });
  // On a shared machine the wall-clock rate falls with the load; the rate per CPU-second does not.
  const cpu = process.cpuUsage(cpuBefore);
  row('gazetteer name lookups', 100_000, lookups.seconds, null, `normalised exact-name lookups, one core; ${Math.round(100_000 / ((cpu.user + cpu.system) / 1e6)).toLocaleString('en-US')} per CPU-second`);

  const cleanTexts = cleaning.result;
  const warm = time(() => extract(cleanTexts[0]!, { published: null }));
  row('extract: warm-up (first report)', 1, warm.seconds, null, 'lexicons and patterns compiled; paid once per thread');
  const stories = narratives(2_000);
  const narrated = timeBoxed(stories, options.seconds, (n) => extract(n.text, { published: n.published }));
  row('extract: short narratives (ACLED-style notes)', narrated.done, narrated.seconds, null, 'one core, one or two sentences each');
  const extraction = timeBoxed(cleanTexts, options.seconds, (t) => extract(t, { published: null }));
  row('extract (clean text in, drafts out)', extraction.done, extraction.seconds, sizeOf(extraction.done), 'one core');
  if (options.articles) {
    const articles = readArticles(options.articles);
    const reading = timeBoxed(articles, options.seconds, (a) => extract(a.text, { published: a.published }));
    const bytes = articles.slice(0, reading.done).reduce((sum, a) => sum + Buffer.byteLength(a.text), 0);
    row('extract: real news articles (article reading)', reading.done, reading.seconds, bytes, `one core; ${options.articles}, ${Math.round(bytes / Math.max(1, reading.done))} bytes an article`);
  }
  const geocoding = timeBoxed(cleanTexts, options.seconds, (t) => geocode(t));
  row('geocode (mentions + disambiguation)', geocoding.done, geocoding.seconds, sizeOf(geocoding.done), 'one core');

  const analyses: Analysis[] = [];
  const analysing = timeBoxed(texts, options.seconds, (t) => analyses.push(analyse(raw(t))));
  row('analyse (clean + extract + geocode)', analysing.done, analysing.seconds, sizeOf(analysing.done), 'one core: the work a pool thread does');

  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  try {
    const opening = await timeAsync(() => Store.open({ dataDir: join(dir, 'db') }));
    const store = opening.result;
    row('open a new embedded database (initdb + migrations)', 1, opening.seconds, null, 'first run only');
    const toWrite = replicate(analyses, WRITE_SAMPLE);
    const writing = await timeAsync(() => writeAll(store, toWrite));
    row('reconcile + store (PGlite), 100 reports a transaction', toWrite.length, writing.seconds, null, `main thread; the ${analyses.length} pages analysed above, copied with new ids and dates`);
    await store.close();

    const e2eStore = await Store.open({ dataDir: join(dir, 'e2e') });
    const threads = availableParallelism();
    const budget = options.seconds * 2;
    const started = performance.now();
    const analyser = new Analyser({ threads });
    const summary = await ingestItems(e2eStore, corpusItems(texts, budget, started), { analyser }).finally(() => analyser.close());
    const seconds = (performance.now() - started) / 1000;
    row(`end to end: HTML in, incidents stored (PGlite, ${threads} threads)`, summary.reportsRead, seconds, sizeOf(summary.reportsRead), `${perSecond(summary.reportsRead / threads, seconds)} per core; pool warm-up included; ${summary.incidentsCreated + summary.incidentsMerged} incidents`);
    await e2eStore.close();

    const cli = time(() => execFileSync(process.execPath, [fileURLToPath(new URL('../../bin/vigil.js', import.meta.url)), 'incidents', '--limit', '1', '--data', join(dir, 'e2e')], { stdio: 'ignore' }));
    row('CLI command on an existing data directory', 1, cli.seconds, null, '`vigil incidents --limit 1`, whole process');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  row('peak resident memory', 0, 0, null, `${Math.round(process.resourceUsage().maxRSS / 1024)} MB (main thread and pool threads)`);
  return rows;
}

/** The texts (and publication dates) of a JSONL file of articles; lines without text are passed over. */
function readArticles(file: string): Array<{ text: string; published: string | null }> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        const record = JSON.parse(line) as { text?: unknown; published?: unknown };
        return typeof record.text === 'string' ? [{ text: record.text, published: typeof record.published === 'string' ? record.published.slice(0, 10) : null }] : [];
      } catch {
        return [];
      }
    });
}

function generateCorpus(count: number): BenchPage[] {
  const random = seededRandom(7);
  return narratives(count).map((n) => newsPage(n, random));
}

function readCorpus(folder: string): BenchPage[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.html?$/i.test(name))
    .sort()
    .map((name) => ({ bytes: readFileSync(join(folder, name)), charset: null }));
}

/** The corpus as ingest items, until the time budget is spent. */
async function* corpusItems(texts: string[], budgetSeconds: number, started: number): AsyncGenerator<IngestItem> {
  for (const [index, text] of texts.entries()) {
    if ((performance.now() - started) / 1000 > budgetSeconds) return;
    yield { ok: true, report: raw(text, `page-${index}`) };
  }
}

/** Reports for the write-path row: extraction is too slow to analyse this many in the budget. */
const WRITE_SAMPLE = 2000;

/** `count` analyses made from `analyses`, each with its own id and its incidents moved to their own days. */
function replicate(analyses: Analysis[], count: number): Analysis[] {
  if (analyses.length === 0) return [];
  return Array.from({ length: count }, (_, i) => {
    const { report, drafts } = analyses[i % analyses.length]!;
    const days = Math.floor(i / analyses.length) * 3;
    return { report: { ...report, id: createHash('sha256').update(`${report.id}:${i}`).digest('hex') }, drafts: drafts.map((d) => ({ ...d, date: d.date && shiftDate(d.date, days) })) };
  });
}

async function writeAll(store: Store, analyses: Analysis[]): Promise<void> {
  const writer = new BatchWriter(store);
  for (let i = 0; i < analyses.length; i += 100) {
    const batch = analyses.slice(i, i + 100);
    await writer.prepare(batch);
    for (const analysis of batch) await storeAnalysis('bench', analysis, writer);
    await writer.flush();
  }
}

/** Readability over linkedom (development dependencies), or null when they are not installed. */
async function readabilityTimer(): Promise<((html: string) => void) | null> {
  try {
    const [{ Readability }, { parseHTML }] = await Promise.all([import('@mozilla/readability'), import('linkedom')]);
    return (html) => void new Readability(parseHTML(html).document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  } catch {
    return null;
  }
}

async function timeAsync<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { seconds: (performance.now() - started) / 1000, result };
}

export function formatBench(rows: BenchRow[]): string {
  const header = ['stage', 'items', 'seconds', 'pages/s', 'MB/s', 'note'];
  const cells = rows.map((r) => [r.stage, r.items ? String(r.items) : '-', r.seconds ? r.seconds.toFixed(3) : '-', r.rate, r.mbps, r.note]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => (c >= 1 && c <= 4 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
