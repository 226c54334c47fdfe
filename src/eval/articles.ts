// Main-content extraction against a benchmark of saved pages with the human-marked article body
// (the layout of Scrapinghub's article-extraction-benchmark: html/<sha256>.html.gz and
// ground-truth.json). Vigil's cleaner and Mozilla Readability (over linkedom) run on the same
// pages in the same run.
//
// Scoring: both outputs and the gold body are tokenised the same way: Unicode NFKC, lower case,
// tokens are runs of letters and digits (\p{L}\p{N}, with \p{M} marks). Per page, the overlap is
// the multiset intersection of predicted and gold tokens: precision = overlap / predicted tokens,
// recall = overlap / gold tokens, F1 their harmonic mean (an empty prediction scores 0). The
// table gives the mean over pages. ms/page is the time of the extraction call alone, DOM parsing
// included, reading and decompressing excluded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cleanReport } from '../clean/index.js';
import { decodeBytes } from '../ingest/decode.js';

export interface ExtractorScores {
  precision: number;
  recall: number;
  f1: number;
  ms_per_page: number;
}

export interface ArticlesReport {
  pages: number;
  vigil: ExtractorScores;
  readability: ExtractorScores;
}

type Extractor = (html: string, url: string) => string;

export function tokens(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** Precision, recall and F1 of one prediction against the gold text, over token multisets. */
export function tokenScores(predicted: string, gold: string): { precision: number; recall: number; f1: number } {
  const want = new Map<string, number>();
  for (const t of tokens(gold)) want.set(t, (want.get(t) ?? 0) + 1);
  const got = tokens(predicted);
  let overlap = 0;
  for (const t of got) {
    const left = want.get(t) ?? 0;
    if (left > 0) {
      overlap++;
      want.set(t, left - 1);
    }
  }
  const goldCount = tokens(gold).length;
  const precision = got.length ? overlap / got.length : 0;
  const recall = goldCount ? overlap / goldCount : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export async function runArticlesEval(dir: string, options: { limit?: number; onPage?: () => void } = {}): Promise<ArticlesReport> {
  const gold = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url?: string }>;
  const ids = Object.keys(gold).sort().slice(0, options.limit);
  const extractors: Record<'vigil' | 'readability', Extractor> = { vigil: vigilText, readability: await readabilityExtractor() };
  const totals = { vigil: { precision: 0, recall: 0, f1: 0, ms: 0 }, readability: { precision: 0, recall: 0, f1: 0, ms: 0 } };
  for (const id of ids) {
    const decoded = decodeBytes(gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))));
    const html = decoded.ok ? decoded.text : '';
    for (const name of ['vigil', 'readability'] as const) {
      const started = performance.now();
      const text = extractors[name](html, gold[id]!.url ?? 'https://example.org/');
      totals[name].ms += performance.now() - started;
      const scores = tokenScores(text, gold[id]!.articleBody);
      totals[name].precision += scores.precision;
      totals[name].recall += scores.recall;
      totals[name].f1 += scores.f1;
    }
    options.onPage?.();
  }
  const mean = (t: (typeof totals)['vigil']): ExtractorScores => ({
    precision: round(t.precision / ids.length),
    recall: round(t.recall / ids.length),
    f1: round(t.f1 / ids.length),
    ms_per_page: round(t.ms / ids.length, 2),
  });
  return { pages: ids.length, vigil: mean(totals.vigil), readability: mean(totals.readability) };
}

function vigilText(html: string): string {
  return cleanReport({ origin: 'eval', url: null, title: null, sourceName: null, published: null, format: 'html', content: html }).text;
}

/** Readability over linkedom, loaded only here: both are development dependencies. */
async function readabilityExtractor(): Promise<Extractor> {
  let modules;
  try {
    modules = await Promise.all([import('@mozilla/readability'), import('linkedom')]);
  } catch {
    throw new Error('the articles evaluation needs the development dependencies @mozilla/readability and linkedom: run `npm install` (not --omit=dev)');
  }
  const [{ Readability }, { parseHTML }] = modules;
  return (html) => {
    const { document } = parseHTML(html);
    return new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()?.textContent ?? '';
  };
}

const round = (n: number, digits = 3) => Number(n.toFixed(digits));

export function formatArticlesReport(report: ArticlesReport): string {
  const header = ['extractor', 'precision', 'recall', 'F1', 'ms/page'];
  const cells = (name: string, s: ExtractorScores) => [name, s.precision.toFixed(3), s.recall.toFixed(3), s.f1.toFixed(3), s.ms_per_page.toFixed(2)];
  const rows = [cells('Vigil (cleanReport)', report.vigil), cells('Readability + linkedom', report.readability)];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`;
  return [`${report.pages} pages; token-level scores, mean over pages`, line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
