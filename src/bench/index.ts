// `vigil bench`: how fast each stage runs, on a synthetic corpus, printed as one table.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanReport } from '../clean/index.js';
import { extract } from '../extract/index.js';
import { geocode, lookupName } from '../geocode/index.js';
import { processReport } from '../pipeline.js';
import { Store } from '../store/index.js';
import { narratives, page, seededRandom } from './corpus.js';

export interface BenchRow {
  stage: string;
  items: number;
  seconds: number;
  rate: string;
  note: string;
}

const perSecond = (items: number, seconds: number) => `${Math.round(items / seconds).toLocaleString('en-US')}/s`;

function time<T>(work: () => T): { seconds: number; result: T } {
  const started = performance.now();
  const result = work();
  return { seconds: (performance.now() - started) / 1000, result };
}

export async function runBench(options: { narratives: number; pages: number }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const texts = narratives(options.narratives);

  const load = time(() => lookupName('Raqqa'));
  rows.push({ stage: 'gazetteer load (first lookup)', items: 1, seconds: load.seconds, rate: '-', note: `resident memory after load ${Math.round(process.memoryUsage().rss / 1e6)} MB` });

  const names = ['Raqqa', 'al-Raqqa', 'Deir ez-Zor', 'Kabul', 'Mogadishu', 'Gardez', 'Springfield', 'Nowhere-ville', 'Aleppo', 'Ayn al-Arab'];
  const lookups = time(() => {
    for (let i = 0; i < 100_000; i++) lookupName(names[i % names.length]!);
  });
  rows.push({ stage: 'gazetteer name lookups', items: 100_000, seconds: lookups.seconds, rate: perSecond(100_000, lookups.seconds), note: 'normalised exact-name lookups' });

  extract(texts[0]!.text, { published: texts[0]!.published }); // warm the lexicons and patterns
  const extraction = time(() => {
    for (const n of texts) extract(n.text, { published: n.published });
  });
  rows.push({ stage: 'extract (clean text in, claims and drafts out)', items: texts.length, seconds: extraction.seconds, rate: perSecond(texts.length, extraction.seconds), note: 'one core, no database' });

  const geocoding = time(() => {
    for (const n of texts) geocode(n.text);
  });
  rows.push({ stage: 'geocode (mentions + disambiguation)', items: texts.length, seconds: geocoding.seconds, rate: perSecond(texts.length, geocoding.seconds), note: 'one core' });

  const random = seededRandom(7);
  const pages = texts.slice(0, options.pages).map((n) => page(n, random));
  const megabytes = pages.reduce((sum, p) => sum + Buffer.byteLength(p), 0) / 1e6;
  const cleaning = time(() => {
    for (const html of pages) cleanReport({ origin: 'bench', url: null, title: null, sourceName: null, published: null, format: 'html', content: html });
  });
  rows.push({ stage: 'clean (HTML page to article text)', items: pages.length, seconds: cleaning.seconds, rate: perSecond(pages.length, cleaning.seconds), note: `${(megabytes / cleaning.seconds).toFixed(1)} MB/s` });

  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  try {
    const opening = await timeAsync(() => Store.open({ dataDir: join(dir, 'db') }));
    const store = opening.result;
    rows.push({ stage: 'open a new embedded database (initdb + migrations)', items: 1, seconds: opening.seconds, rate: '-', note: 'first run only' });
    const ingest = await timeAsync(async () => {
      for (const [index, html] of pages.entries()) {
        await processReport({ origin: `page-${index}`, url: null, title: null, sourceName: null, published: null, format: 'html', content: html }, store);
      }
    });
    rows.push({ stage: 'end to end: HTML in, incidents stored (PGlite)', items: pages.length, seconds: ingest.seconds, rate: perSecond(pages.length, ingest.seconds), note: `${(megabytes / ingest.seconds).toFixed(2)} MB/s, one report per transaction` });
    await store.close();
    const cli = time(() => execFileSync(process.execPath, [fileURLToPath(new URL('../../bin/vigil.js', import.meta.url)), 'incidents', '--limit', '1', '--data', join(dir, 'db')], { stdio: 'ignore' }));
    rows.push({ stage: 'CLI command on an existing data directory', items: 1, seconds: cli.seconds, rate: '-', note: '`vigil incidents --limit 1`, whole process' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  rows.push({ stage: 'peak resident memory', items: 0, seconds: 0, rate: '-', note: `${Math.round(process.resourceUsage().maxRSS / 1024)} MB` });
  return rows;
}

async function timeAsync<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { seconds: (performance.now() - started) / 1000, result };
}

export function formatBench(rows: BenchRow[]): string {
  const header = ['stage', 'items', 'seconds', 'rate', 'note'];
  const cells = rows.map((r) => [r.stage, r.items ? String(r.items) : '-', r.seconds ? r.seconds.toFixed(3) : '-', r.rate, r.note]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => (c >= 1 && c <= 3 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
