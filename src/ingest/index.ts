// The ingest stage: paths and URLs in (files, folders, JSONL, WARC, RSS/Atom feeds, URL lists,
// `-` for stdin), raw reports out. Each bad item becomes an error naming it; the rest of the
// batch goes on.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import type { RawReport } from '../types.js';
import { charsetOf, decodeBytes } from './decode.js';
import { feedEntries, looksLikeFeed, type FeedEntry } from './feed.js';
import { DEFAULT_MAX_BYTES, fetchUrl, type FetchOptions } from './fetch.js';
import { warcPages } from './warc.js';

export interface IngestMetadata {
  published?: string | null;
  source?: string | null;
  url?: string | null;
}

export interface ReadOptions {
  /** Files of URLs, one a line (`--urls`). */
  urlLists?: string[];
  fetch?: FetchOptions;
  stdin?: () => Promise<Buffer>;
}

export type IngestItem = { ok: true; report: RawReport } | { ok: false; item: string; error: string };

/** Largest file read whole; bigger ones are refused rather than exhausting memory (WARC files are streamed). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
const SUPPORTED = new Set(['.txt', '.text', '.html', '.htm', '.xhtml', '.jsonl', '.warc', '.gz', '.urls', '.rss', '.atom', '.xml']);
const URL_PATTERN = /^https?:\/\//i;

const jsonlRecord = z
  .object({
    url: z.string().nullish(),
    title: z.string().nullish(),
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'published must start with YYYY-MM-DD').nullish(),
    source: z.string().nullish(),
    text: z.string().nullish(),
    html: z.string().nullish(),
  })
  .refine((r) => (r.text ?? r.html ?? '').trim().length > 0, { message: 'needs a non-empty "text" or "html" field' });

export async function* readInputs(paths: string[], metadata: IngestMetadata = {}, options: ReadOptions = {}): AsyncGenerator<IngestItem> {
  for (const list of options.urlLists ?? []) yield* fromFile(list, '.urls', metadata, options);
  for (const path of paths) {
    if (path === '-') yield* fromBytes('stdin', 'stdin', await (options.stdin ?? readStdin)(), metadata, options);
    else if (URL_PATTERN.test(path)) yield* fromUrl(path, metadata, options);
    else yield* fromPath(path, metadata, options);
  }
}

/** How many reports the inputs hold, or null when some input holds an unknown number (JSONL, WARC, feeds, URL lists). */
export async function countReports(paths: string[]): Promise<number | null> {
  let count = 0;
  for (const path of paths) {
    if (path === '-' || URL_PATTERN.test(path)) {
      count++;
      continue;
    }
    const info = await stat(path).catch(() => null);
    const files = info?.isDirectory() ? await filesUnder(path) : [path];
    if (files.some((f) => !['.txt', '.text', '.html', '.htm', '.xhtml'].includes(kindOf(f)))) return null;
    count += files.length;
  }
  return count;
}

async function* fromPath(path: string, metadata: IngestMetadata, options: ReadOptions): AsyncGenerator<IngestItem> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    yield { ok: false, item: path, error: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    return;
  }
  if (info.isDirectory()) {
    for (const file of await filesUnder(path)) yield* fromPath(file, metadata, options);
    return;
  }
  const kind = kindOf(path);
  if (kind === '.warc') {
    yield* fromWarc(path, metadata, options);
    return;
  }
  if (info.size > MAX_FILE_BYTES) {
    yield { ok: false, item: path, error: `too large (${info.size} bytes; the limit is ${MAX_FILE_BYTES})` };
    return;
  }
  yield* fromFile(path, kind, metadata, options);
}

async function* fromFile(path: string, kind: string, metadata: IngestMetadata, options: ReadOptions): AsyncGenerator<IngestItem> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    yield { ok: false, item: path, error: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    return;
  }
  yield* fromBytes(path, kind, bytes, metadata, options);
}

/** `.warc.gz` counts as WARC; any other `.gz` is not supported. */
function kindOf(path: string): string {
  const name = basename(path).toLowerCase();
  return name.endsWith('.warc') || name.endsWith('.warc.gz') ? '.warc' : extname(name);
}

/** Supported files under a folder, recursively, in a stable order. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && SUPPORTED.has(extname(e.name).toLowerCase()) && (extname(e.name).toLowerCase() !== '.gz' || kindOf(e.name) === '.warc'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function* fromBytes(item: string, kind: string, bytes: Buffer, metadata: IngestMetadata, options: ReadOptions, contentType: string | null = null): AsyncGenerator<IngestItem> {
  const decoded = decodeBytes(bytes, charsetOf(contentType), { lineRecords: kind === '.jsonl' });
  if (!decoded.ok) {
    yield { ok: false, item, error: decoded.error };
    return;
  }
  const text = decoded.text;
  if (kind === '.jsonl') yield* fromJsonl(item, text, metadata);
  else if (kind === 'page' && looksLikeFeed(text, contentType)) yield { ok: false, item, error: 'a feed, not a page: send the pages it links to, or read it with vigil ingest or vigil watch' };
  else if (kind === '.urls' || ((kind === '.txt' || kind === 'stdin') && isUrlList(text))) yield* fromUrlList(item, text, metadata, options);
  else if (['.rss', '.atom', '.xml'].includes(kind) || looksLikeFeed(text, contentType)) yield* fromFeed(item, text, metadata, options);
  else {
    const html = ['.html', '.htm', '.xhtml'].includes(kind) || /html/i.test(contentType ?? '') || (['stdin', 'url', 'page'].includes(kind) && /^\s*<(?:!doctype|html|head|body|article|div|p)\b/i.test(text));
    yield { ok: true, report: { origin: item, url: metadata.url ?? null, title: null, sourceName: metadata.source ?? null, published: metadata.published ?? null, format: html ? 'html' : 'text', content: text } };
  }
}

/** A text whose every non-blank, non-comment line is an http(s) URL. */
function isUrlList(text: string): boolean {
  const lines = listLines(text);
  return lines.length > 0 && lines.every(({ line }) => URL_PATTERN.test(line) && !/\s/.test(line));
}

function listLines(text: string): Array<{ line: string; number: number }> {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line && !line.startsWith('#'));
}

/** Pages fetched at once from a URL list or a feed; their reports still come out in list order. */
const FETCHES_AT_ONCE = 8;

async function* fromUrlList(item: string, text: string, metadata: IngestMetadata, options: ReadOptions): AsyncGenerator<IngestItem> {
  const lines = listLines(text);
  const fetches = ahead(lines, ({ line }) => (URL_PATTERN.test(line) ? fetchPage(line, options) : null));
  for (const { line, number } of lines) {
    const fetched = (await fetches.next()).value as FetchedPage | null;
    if (fetched === null) yield { ok: false, item: `${item}:${number}`, error: `not an http(s) URL: "${line.slice(0, 80)}"` };
    else yield* pageItems(line, fetched, metadata, options);
  }
}

type FetchedPage = { ok: true; page: Awaited<ReturnType<typeof fetchUrl>> } | { ok: false; error: string };

function fetchPage(url: string, options: ReadOptions): Promise<FetchedPage> {
  return fetchUrl(url, options.fetch).then(
    (page) => ({ ok: true, page }),
    (error: Error) => ({ ok: false, error: error.message }),
  );
}

/** Starts up to FETCHES_AT_ONCE of the `start` calls ahead of the consumer, yielding their results in order. */
async function* ahead<T, R>(inputs: T[], start: (input: T) => Promise<R> | null): AsyncGenerator<R | null> {
  const started: Array<Promise<R> | null> = [];
  for (let next = 0; next < inputs.length; next++) {
    while (started.length < FETCHES_AT_ONCE && next + started.length < inputs.length) started.push(start(inputs[next + started.length]!));
    yield await started.shift()!;
  }
}

async function* fromUrl(url: string, metadata: IngestMetadata, options: ReadOptions): AsyncGenerator<IngestItem> {
  yield* pageItems(url, await fetchPage(url, options), metadata, options);
}

/**
 * One web page by its URL, read as one report (a `{url}` item of POST /api/reports): a feed is
 * refused rather than followed, so that one item stays one report.
 */
export async function readPage(url: string, metadata: IngestMetadata, options: ReadOptions): Promise<IngestItem> {
  for await (const item of pageItems(url, await fetchPage(url, options), metadata, options, 'page')) return item;
  return { ok: false, item: url, error: 'no content' };
}

async function* pageItems(url: string, fetched: FetchedPage, metadata: IngestMetadata, options: ReadOptions, kind: 'url' | 'page' = 'url'): AsyncGenerator<IngestItem> {
  if (!fetched.ok) {
    yield { ok: false, item: url, error: fetched.error };
    return;
  }
  const { page } = fetched;
  if (page.contentType && !/(html|xml|text\/plain|rss|atom)/i.test(page.contentType)) {
    yield { ok: false, item: url, error: `not a page or feed (Content-Type ${page.contentType})` };
    return;
  }
  yield* fromBytes(url, kind, page.bytes, { ...metadata, url: metadata.url ?? page.url }, options, page.contentType);
}

async function* fromFeed(item: string, text: string, metadata: IngestMetadata, options: ReadOptions): AsyncGenerator<IngestItem> {
  let entries: FeedEntry[];
  try {
    entries = feedEntries(text);
  } catch (error) {
    yield { ok: false, item, error: (error as Error).message };
    return;
  }
  const fetches = ahead(entries, (entry) => (entry.link ? fetchPage(entry.link, options) : null));
  for (const entry of entries) yield* fromFeedEntry(item, entry, metadata, options, (await fetches.next()).value ?? null);
}

/** One feed item: the page it links to (`fetched` when the caller fetched it already), or its own content when it links nowhere. */
export async function* fromFeedEntry(feed: string, entry: FeedEntry, metadata: IngestMetadata, options: ReadOptions, fetched: FetchedPage | null = null): AsyncGenerator<IngestItem> {
  const itemMetadata = { ...metadata, published: metadata.published ?? entry.published };
  const reports = entry.link
    ? pageItems(entry.link, fetched ?? (await fetchPage(entry.link, options)), itemMetadata, options)
    : fromBytes(`${feed}#${entry.key}`, 'url', Buffer.from(entry.content ?? ''), itemMetadata, options, 'text/html');
  for await (const result of reports) yield result.ok ? { ok: true, report: { ...result.report, title: result.report.title ?? entry.title } } : result;
}

async function* fromWarc(path: string, metadata: IngestMetadata, options: ReadOptions): AsyncGenerator<IngestItem> {
  try {
    for await (const page of warcPages(path, options.fetch?.maxBytes ?? DEFAULT_MAX_BYTES)) {
      const item = `${path}#${page.index}${page.url ? ` ${page.url}` : ''}`;
      if (page.error || !page.bytes) yield { ok: false, item, error: page.error ?? 'no content' };
      else yield* fromBytes(item, 'url', Buffer.from(page.bytes), { ...metadata, url: metadata.url ?? page.url }, options, page.contentType);
    }
  } catch (error) {
    yield { ok: false, item: path, error: `unreadable WARC: ${(error as Error).message}` };
  }
}

function* fromJsonl(item: string, text: string, metadata: IngestMetadata): Generator<IngestItem> {
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const where = `${item}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield { ok: false, item: where, error: `malformed JSON: ${(error as Error).message}` };
      continue;
    }
    const parsed = jsonlRecord.safeParse(value);
    if (!parsed.success) {
      yield { ok: false, item: where, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ') };
      continue;
    }
    const r = parsed.data;
    yield {
      ok: true,
      report: {
        origin: where,
        url: r.url ?? metadata.url ?? null,
        title: r.title ?? null,
        sourceName: r.source ?? metadata.source ?? null,
        published: r.published?.slice(0, 10) ?? metadata.published ?? null,
        format: r.html ? 'html' : 'text',
        content: r.html ?? r.text ?? '',
      },
    };
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_FILE_BYTES) throw new Error(`stdin is larger than ${MAX_FILE_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
