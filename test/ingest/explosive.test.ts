// Explosive and endless inputs (issue 12, failures 3 and 4): a WARC body that inflates without
// limit, a WARC that ends inside a record (the old reader spun for ever), feeds nested without
// end (the old parser was quadratic). Each is now read in bounded memory and linear time, and
// named when refused; the valid records around them are kept.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { WARCRecord, WARCSerializer } from 'warcio';
import { feedEntries, looksLikeFeed } from '../../src/ingest/feed.js';
import { readInputs, type IngestItem } from '../../src/ingest/index.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-explosive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(paths: string[], maxBytes = 100_000): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(paths, {}, { fetch: { maxBytes } })) items.push(item);
  return items;
}

const outcome = (item: IngestItem) => (item.ok ? `ok: ${item.report.content.slice(0, 40)}` : `${item.item}: ${item.error}`);

async function record(url: string, body: Uint8Array, httpHeaders: Record<string, string>): Promise<Buffer> {
  const warc = WARCRecord.create({ url, type: 'response', httpHeaders: { 'Content-Type': 'text/html', ...httpHeaders } }, [body]);
  return Buffer.from(await WARCSerializer.serialize(warc));
}

const page = (text: string) => new TextEncoder().encode(`<p>${text}</p>`);

describe('WARC', () => {
  it('caps the decompression of a page body at --max-bytes as it inflates, and goes on', async () => {
    const bomb = gzipSync(Buffer.alloc(20_000_000, 'a'));
    const path = join(dir, 'bomb.warc');
    writeFileSync(
      path,
      Buffer.concat([
        await record('https://news.example/bomb', bomb, { 'Content-Encoding': 'gzip' }),
        await record('https://news.example/brotli-bomb', brotliCompressSync(Buffer.alloc(20_000_000, 'b')), { 'Content-Encoding': 'br' }),
        await record('https://news.example/fine', gzipSync(page('Shelling in Idlib.')), { 'Content-Encoding': 'gzip' }),
        await record('https://news.example/chunked', Buffer.from('5\r\n<p>Ok\r\n5\r\n now.\r\n0\r\n\r\n'), { 'Transfer-Encoding': 'chunked' }),
      ]),
    );
    expect((await read([path])).map(outcome)).toEqual([
      `${path}#1 https://news.example/bomb: too large after decompression (more than 100000 bytes; the limit)`,
      `${path}#2 https://news.example/brotli-bomb: too large after decompression (more than 100000 bytes; the limit)`,
      'ok: <p>Shelling in Idlib.</p>',
      'ok: <p>Ok now.',
    ]);
  });

  it('stops at the end of a file that ends inside a record, keeping the records before', async () => {
    const fine = await record('https://news.example/fine', page('Shelling in Idlib.'), {});
    const cut = Buffer.from('WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 999999999\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>cut');
    for (const gzip of [false, true]) {
      const path = join(dir, gzip ? 'cut.warc.gz' : 'cut.warc');
      writeFileSync(path, gzip ? Buffer.concat([gzipSync(fine), gzipSync(cut)]) : Buffer.concat([fine, cut]));
      expect((await read([path])).map(outcome)).toEqual(['ok: <p>Shelling in Idlib.</p>', expect.stringMatching(new RegExp(`^${path}: unreadable WARC: record 2 is cut short: the file ends \\d+ bytes before its end \\(Content-Length 999999999\\)$`))]);
    }
  });

  it('refuses an endless header line or a truncated gzip with one error for the file', async () => {
    const noLines = join(dir, 'no-lines.warc');
    writeFileSync(noLines, `WARC/1.0\r\nWARC-Type: response\r\nX: ${'x'.repeat(200_000)}`);
    const truncated = join(dir, 'truncated.warc.gz');
    writeFileSync(truncated, gzipSync(await record('https://news.example/a', page('A page.'), {})).subarray(0, 60));
    expect((await read([noLines, truncated])).map(outcome)).toEqual([
      `${noLines}: unreadable WARC: a line longer than 65536 bytes where a header was expected (not a WARC file, or damaged)`,
      `${truncated}: unreadable WARC: unexpected end of file`,
    ]);
  });
});

describe('feeds', () => {
  it('reads RSS and Atom items in one pass', () => {
    const rss = '<?xml version="1.0"?><!-- c --><rss><channel><item><title>A &amp; B</title><link>https://x.example/a</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item><item><guid>g2</guid><description><![CDATA[<p>Inline</p>]]></description></item></channel></rss>';
    expect(looksLikeFeed(rss)).toBe(true);
    expect(feedEntries(rss)).toEqual([
      { key: 'https://x.example/a', link: 'https://x.example/a', title: 'A & B', published: '2024-03-05', content: null },
      { key: 'g2', link: null, title: null, published: null, content: '<p>Inline</p>' },
    ]);
    const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e1</id><title>T</title><link rel="self" href="https://x.example/self"/><link rel="alternate" href="https://x.example/page"/><published>2024-01-02T00:00:00Z</published><summary>S</summary></entry></feed>';
    expect(feedEntries(atom)).toEqual([{ key: 'e1', link: 'https://x.example/page', title: 'T', published: '2024-01-02', content: 'S' }]);
    expect(() => feedEntries('<html><body>no</body></html>')).toThrow('not an RSS or Atom feed');
  });

  it('reads feeds nested without end in linear time (100,000 unclosed items; the old parser took minutes)', () => {
    const nested = `<rss><channel><item><guid>outer</guid>${'<item>'.repeat(100_000)}`;
    expect(feedEntries(nested)).toEqual([{ key: 'outer', link: null, title: null, published: null, content: null }]);
    const comments = `${'<!-- a -->'.repeat(30_000)}<html>`;
    expect(looksLikeFeed(comments)).toBe(false);
  });
});
