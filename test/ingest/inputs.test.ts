// Every kind of input, read in-process: charsets, compressed and oversized pages, refused
// addresses, redirects, WARC archives, feeds and URL lists. Network: a server on 127.0.0.1 only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARCRecord, WARCSerializer } from 'warcio';
import { isNonPublicAddress } from '../../src/ingest/address.js';
import { decodeBytes } from '../../src/ingest/decode.js';
import { readInputs, type IngestItem, type ReadOptions } from '../../src/ingest/index.js';

const ARABIC = 'قتل ثلاثة مدنيين';
const BOMB = gzipSync(Buffer.alloc(5_000_000, 'a'));
const pages: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/arabic': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=windows-1256' });
    res.end(Buffer.from([...Buffer.from('<html><body><p>'), ...encode1256(ARABIC), ...Buffer.from('</p></body></html>')]));
  },
  '/meta-latin': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-2"></head><body><p>Tusla '), Buffer.from([0xe8]), Buffer.from('</p></body></html>')]));
  },
  '/utf16': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Two people were killed in Aleppo.</p>', 'utf16le')]));
  },
  '/gzip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
    res.end(gzipSync('<p>Compressed page about shelling in Idlib.</p>'));
  },
  '/bomb': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    res.end(BOMB);
  },
  '/huge': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<p>${'x'.repeat(5000)}</p>`);
  },
  '/slow': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<p>');
    setTimeout(() => res.end('late</p>'), 2000);
  },
  '/image': (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  },
  '/missing': (_req, res) => {
    res.writeHead(404);
    res.end();
  },
  '/redirect-public': (_req, res) => {
    res.writeHead(302, { location: '/gzip' });
    res.end();
  },
  '/feed.xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(feed(base));
  },
};

let base = '';
const server = createServer((req, res) => (pages[req.url ?? ''] ?? pages['/missing']!)(req, res));
const dir = mkdtempSync(join(tmpdir(), 'vigil-inputs-'));
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const local: ReadOptions = { fetch: { allowPrivate: true, maxBytes: 1000, timeoutMs: 500 } };

async function read(paths: string[], options: ReadOptions = local): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(paths, {}, options)) items.push(item);
  return items;
}

const content = (item: IngestItem | undefined) => (item?.ok ? item.report.content : `error: ${item?.error}`);
const error = (item: IngestItem | undefined) => (item && !item.ok ? item.error : 'no error');

describe('fetching URLs', () => {
  it('decodes by Content-Type charset, <meta charset> and byte-order mark, and decompresses', async () => {
    const [arabic, latin, utf16, gzip] = await read(['arabic', 'meta-latin', 'utf16', 'gzip'].map((p) => `${base}/${p}`));
    expect(content(arabic)).toContain(ARABIC);
    expect(content(latin)).toContain('Tusla č');
    expect(content(utf16)).toContain('killed in Aleppo');
    expect(content(gzip)).toContain('shelling in Idlib');
    expect(arabic?.ok && arabic.report).toMatchObject({ url: `${base}/arabic`, format: 'html' });
  });

  it('names each failing URL with its reason: size cap, timeout, HTTP status, not a page', async () => {
    const [huge, bomb, slow, image, missing] = await read(['huge', 'bomb', 'slow', 'image', 'missing'].map((p) => `${base}/${p}`));
    expect(error(huge)).toMatch(/too large/);
    expect(error(bomb)).toBe('too large (more after decompression; the limit is 1000 bytes)');
    expect(error(slow)).toMatch(/timed out after 500 ms/);
    expect(error(image)).toMatch(/not a page or feed \(Content-Type image\/png\)/);
    expect(error(missing)).toMatch(/HTTP 404/);
  });

  it('refuses loopback addresses, by IP or by name, and after a redirect, unless allowed', async () => {
    const closed = { fetch: { maxBytes: 1000, timeoutMs: 500 } };
    const port = new URL(base).port;
    const [byIp, byName] = await read([`${base}/gzip`, `http://localhost:${port}/gzip`], closed);
    expect(error(byIp)).toMatch(/127\.0\.0\.1 is a non-public address; pass --allow-private/);
    expect(error(byName)).toMatch(/localhost resolves to a non-public address/);
    const [redirected] = await read([`${base}/redirect-public`]);
    expect(content(redirected)).toContain('shelling in Idlib');
    expect(redirected?.ok && redirected.report.url).toBe(`${base}/gzip`);
  });

  it('classifies addresses', () => {
    for (const address of ['10.1.2.3', '127.0.0.1', '169.254.169.254', '192.168.0.1', '172.20.0.1', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0']) expect(isNonPublicAddress(address), address).toBe(true);
    for (const address of ['8.8.8.8', '2606:4700:4700::1111', '::ffff:1.1.1.1']) expect(isNonPublicAddress(address), address).toBe(false);
  });
});

describe('feeds, URL lists and archives', () => {
  it('reads a feed by URL: each item from the page it links to, with its title and date', async () => {
    const items = await read([`${base}/feed.xml`]);
    expect(items.map(content)).toEqual([expect.stringContaining('shelling in Idlib'), expect.stringContaining('Two people were killed')]);
    expect(items[0]?.ok && items[0].report).toMatchObject({ title: 'Shelling in Idlib', published: '2024-03-05' });
  });

  it('reads URL lists (.urls, --urls, or a .txt of URLs) and names bad lines', async () => {
    writeFileSync(join(dir, 'list.urls'), `# morning batch\n${base}/gzip\nnot a url\n`);
    writeFileSync(join(dir, 'list.txt'), `${base}/utf16\n`);
    const items = await read([join(dir, 'list.txt')], { ...local, urlLists: [join(dir, 'list.urls')] });
    expect(items.map((i) => (i.ok ? content(i) : `${i.item}: ${i.error}`))).toEqual([
      expect.stringContaining('shelling in Idlib'),
      `${join(dir, 'list.urls')}:3: not an http(s) URL: "not a url"`,
      expect.stringContaining('killed in Aleppo'),
    ]);
  });

  it('reads the HTML responses of a WARC (plain and gzipped), passing over other records', async () => {
    for (const gzip of [false, true]) {
      const path = join(dir, gzip ? 'crawl.warc.gz' : 'crawl.warc');
      writeFileSync(path, await warc(gzip));
      const items = await read([path]);
      expect(items).toHaveLength(2);
      expect(items[0]?.ok && items[0].report).toMatchObject({ url: 'https://news.example/a', format: 'html' });
      expect(content(items[0])).toContain(ARABIC);
      expect(content(items[1])).toContain('second page');
    }
  });

  it('keeps the records before damage in a WARC, then names the file', async () => {
    const path = join(dir, 'broken.warc');
    writeFileSync(path, Buffer.concat([await warc(false), Buffer.from('this is not a WARC record\r\n\r\n')]));
    const items = await read([path, join(dir, 'missing.warc')]);
    expect(items.map((i) => (i.ok ? 'ok' : i.item))).toEqual(['ok', 'ok', path, join(dir, 'missing.warc')]);
    expect(error(items[2])).toMatch(/unreadable WARC: record 6 does not start with a WARC\/1.x line/);
  });
});

describe('decoding bytes', () => {
  it('prefers the BOM, then the declared charset, then <meta>, then UTF-8, then Windows-1252', () => {
    expect(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'iso-8859-1')).toEqual({ ok: true, text: 'hi' });
    expect(decodeBytes(Buffer.from([0xe9, 0x74, 0xe9]))).toEqual({ ok: true, text: 'été' });
    expect(decodeBytes(Buffer.from('<meta charset="utf-16"><p>ok</p>'))).toMatchObject({ ok: true, text: '<meta charset="utf-16"><p>ok</p>' });
    expect(decodeBytes(Buffer.from([0, 1, 2, 3]))).toMatchObject({ ok: false });
  });

  it('reads UTF-32 by its byte-order mark, not as UTF-16', () => {
    expect(decodeBytes(Buffer.from([0xff, 0xfe, 0, 0, 0x68, 0, 0, 0, 0x00, 0xf6, 0x01, 0]))).toEqual({ ok: true, text: 'h\u{1f600}' });
    expect(decodeBytes(Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x68, 0, 0, 0, 0x69]))).toEqual({ ok: true, text: 'hi' });
    expect(decodeBytes(Buffer.from([0xff, 0xfe, 0, 0, 0x68, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x69]))).toEqual({ ok: true, text: 'h\ufffd\ufffd' });
  });

  it('refuses as binary a NUL anywhere in the input, but in JSONL leaves it to its line', () => {
    const late = Buffer.concat([Buffer.from('a'.repeat(100_000)), Buffer.from([0]), Buffer.from('b')]);
    expect(decodeBytes(late)).toEqual({ ok: false, error: 'binary file (not text, HTML or JSONL)' });
    expect(decodeBytes(late, null, { lineRecords: true })).toMatchObject({ ok: true });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ok\u0000', 'utf16le')]))).toMatchObject({ ok: false });
    expect(decodeBytes(Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 8)), null, { lineRecords: true })).toMatchObject({ ok: false });
  });
});

/** Windows-1256 bytes of a text, from the decoder's own table. */
function encode1256(text: string): number[] {
  const decoded = new TextDecoder('windows-1256').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  return [...text].map((c) => decoded.indexOf(c));
}

function feed(origin: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title>
<item><title>Shelling in Idlib</title><link>${origin}/gzip</link><guid>a1</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Aleppo</title><link>${origin}/utf16</link><guid>a2</guid></item>
</channel></rss>`;
}

async function warc(gzip: boolean): Promise<Buffer> {
  const body = (text: number[] | string) => [typeof text === 'string' ? new TextEncoder().encode(text) : Uint8Array.from(text)];
  const records = [
    WARCRecord.createWARCInfo({ filename: 'crawl.warc' }, { software: 'test' }),
    WARCRecord.create({ url: 'https://news.example/a', type: 'response', httpHeaders: { 'Content-Type': 'text/html; charset=windows-1256' } }, body([...Buffer.from('<p>'), ...encode1256(ARABIC), ...Buffer.from('</p>')])),
    WARCRecord.create({ url: 'https://news.example/logo.png', type: 'response', httpHeaders: { 'Content-Type': 'image/png' } }, body('PNG')),
    WARCRecord.create({ url: 'https://news.example/a', type: 'request', httpHeaders: {} }, body('')),
    WARCRecord.create({ url: 'https://news.example/b', type: 'response', httpHeaders: { 'Content-Type': 'text/html' } }, body('<p>The second page.</p>')),
  ];
  const parts = await Promise.all(records.map((r) => WARCSerializer.serialize(r, { gzip })));
  return Buffer.concat(parts);
}
