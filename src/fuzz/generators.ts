// Hostile inputs for the fuzz suite, as fast-check arbitraries: each is a file as `vigil ingest`
// meets it (a name and its bytes). Every kind the issue named is here: random bytes, truncated
// and deeply nested HTML, huge single lines, NUL and invalid UTF-8, byte-order marks and odd
// encodings, decompression bombs, broken WARC archives and feeds, JSONL with wrong types.
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';

export interface FuzzFile {
  kind: string;
  name: string;
  bytes: Uint8Array;
}

const PAGE = '<html><head><title>Shelling</title><meta charset="utf-8"></head><body><nav>Home | World</nav><article><p>Three civilians were killed in shelling on Idlib on Tuesday, officials said.</p><p>Two more were wounded.</p></article></body></html>';
const SENTENCE = 'Three civilians were killed in shelling on Aleppo on Monday, officials said. ';

/** One gzip bomb body, made once: 1 GB of one letter in about 1 MB (16 gzip members of 64 MB each). */
let bomb: Buffer | null = null;
function gzipBomb(): Buffer {
  bomb ??= Buffer.concat(Array<Buffer>(16).fill(gzipSync(Buffer.alloc(64 * 1024 * 1024, 'a'), { level: 9 })));
  return bomb;
}

const text = (s: string) => new TextEncoder().encode(s);
const cut = (bytes: Uint8Array, at: number) => bytes.subarray(0, Math.max(1, Math.floor(bytes.length * at)));

function warcRecord(url: string, body: Uint8Array, httpHeaders: string, declaredLength?: number): Uint8Array {
  const http = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\n${httpHeaders}\r\n`), body]);
  const head = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${declaredLength ?? http.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), http, Buffer.from('\r\n\r\n')]);
}

const html = ['.html', '.htm', '.txt'] as const;
const anyName = fc.constantFrom('.txt', '.html', '.jsonl', '.xml', '.rss', '.warc', '.htm', '.atom');

const randomBytes = fc.record({ bytes: fc.uint8Array({ maxLength: 20_000 }), ext: anyName }).map(({ bytes, ext }) => ({ kind: 'random bytes', ext, bytes }));

const truncatedHtml = fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ kind: 'truncated HTML', ext: '.html', bytes: cut(text(PAGE), at) }));

const nestedHtml = fc.record({ depth: fc.integer({ min: 1000, max: 300_000 }), tag: fc.constantFrom('div', 'b', 'table', 'li', 'p', 'svg', 'title', 'textarea', 'a'), closeStray: fc.boolean() }).map(({ depth, tag, closeStray }) => ({
  kind: 'deeply nested HTML',
  ext: '.html',
  bytes: text(`<html><body>${`<${tag}>`.repeat(depth)}${PAGE}${closeStray ? '</span>'.repeat(depth) : ''}`),
}));

const hugeLine = fc.record({ size: fc.integer({ min: 100_000, max: 5_000_000 }), unit: fc.constantFrom('x', 'two ', 'ab.Cd', '. ', SENTENCE, 'Aleppo, Idlib and Homs; ', '!?'), ext: fc.constantFrom(...html) }).map(({ size, unit, ext }) => ({
  kind: 'huge single line',
  ext,
  bytes: text(unit.repeat(Math.ceil(size / unit.length))),
}));

const corruptText = fc.record({ positions: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), byte: fc.constantFrom(0x00, 0xff, 0xfe, 0xc3, 0xed, 0x80, 0x1b), ext: fc.constantFrom('.txt', '.html', '.jsonl') }).map(({ positions, byte, ext }) => {
  const base = ext === '.jsonl' ? `${JSON.stringify({ text: SENTENCE })}\n`.repeat(20) : SENTENCE.repeat(200);
  const bytes = Buffer.from(base);
  for (const at of positions) bytes[Math.floor(at * (bytes.length - 1))] = byte;
  return { kind: 'NUL and invalid UTF-8', ext, bytes };
});

const encodings = fc.record({ bom: fc.constantFrom('utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be', 'none'), body: fc.constantFrom('utf-8', 'utf-16le', 'latin1', 'utf-32le'), odd: fc.boolean() }).map(({ bom, body, odd }) => {
  const marks: Record<string, number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff], 'utf-32le': [0xff, 0xfe, 0, 0], 'utf-32be': [0, 0, 0xfe, 0xff], none: [] };
  const content = `${SENTENCE}Ça s'est passé à Alep — «قتل ثلاثة مدنيين».`;
  const encoded = body === 'utf-32le' ? Buffer.from([...content].flatMap((c) => { const b = Buffer.alloc(4); b.writeUInt32LE(c.codePointAt(0)!); return [...b]; })) : Buffer.from(content, body as BufferEncoding);
  const bytes = Buffer.concat([Buffer.from(marks[bom]!), odd ? encoded.subarray(0, encoded.length - 1) : encoded]);
  return { kind: 'byte-order marks and odd encodings', ext: '.txt', bytes };
});

const bombs = fc.constantFrom('warc', 'warc.gz').map((ext) => {
  const record = warcRecord('https://bomb.example/', gzipBomb(), 'Content-Type: text/html\r\nContent-Encoding: gzip\r\n');
  return { kind: 'decompression bomb', ext: `.${ext}`, bytes: ext === 'warc' ? record : gzipSync(record) };
});

const brokenWarc = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), lie: fc.constantFrom(0, 999_999_999, -5, 3), gzip: fc.boolean() }).map(({ at, lie, gzip }) => {
  const good = warcRecord('https://news.example/a', text(PAGE), 'Content-Type: text/html; charset=utf-8\r\n');
  const bad = warcRecord('https://news.example/b', text(PAGE), 'Content-Type: text/html\r\n', lie === 0 ? undefined : Math.max(0, PAGE.length + lie));
  const archive = cut(Buffer.concat([good, bad, good]), at);
  return { kind: 'broken WARC', ext: gzip ? '.warc.gz' : '.warc', bytes: gzip ? gzipSync(archive) : archive };
});

const brokenFeed = fc.record({ depth: fc.integer({ min: 1, max: 100_000 }), at: fc.double({ min: 0, max: 1, noNaN: true }), atom: fc.boolean() }).map(({ depth, at, atom }) => {
  // Items link nowhere (a fetch would leave this machine): their own content is the report.
  const item = atom ? `<entry><id>e</id><title>T</title><summary>${SENTENCE}</summary></entry>` : `<item><guid>g</guid><title>T</title><description>${SENTENCE}</description></item>`;
  const open = atom ? '<entry>' : '<item>';
  const feed = atom ? `<feed xmlns="http://www.w3.org/2005/Atom">${item}${open.repeat(depth)}` : `<?xml version="1.0"?><rss><channel>${item}${open.repeat(depth)}`;
  return { kind: 'broken feed', ext: atom ? '.atom' : '.rss', bytes: cut(text(feed), 0.5 + at / 2) };
});

const wrongJsonl = fc.array(fc.oneof(fc.jsonValue(), fc.record({ text: fc.oneof(fc.jsonValue(), fc.string()), title: fc.jsonValue(), published: fc.oneof(fc.string(), fc.integer()), html: fc.jsonValue(), url: fc.jsonValue() })), { minLength: 1, maxLength: 30 }).map((records) => ({
  kind: 'JSONL with wrong types',
  ext: '.jsonl',
  bytes: text(records.map((r) => JSON.stringify(r) ?? 'null').join('\n')),
}));

/** Any one hostile file, with its kind. */
export const hostileFile = fc
  .oneof(randomBytes, truncatedHtml, nestedHtml, hugeLine, corruptText, encodings, bombs, brokenWarc, brokenFeed, wrongJsonl)
  .chain((file) => fc.nat(1_000_000).map((n) => ({ kind: file.kind, name: `hostile-${n}${file.ext}`, bytes: file.bytes }) satisfies FuzzFile));

/** A valid report that must be stored: its text carries `marker`, found in the ledger afterwards. */
export function validFile(marker: string, index: number): FuzzFile {
  const places = ['Idlib', 'Aleppo', 'Homs', 'Kabul', 'Mosul', 'Gao', 'Kidal', 'Sanaa'];
  const content = `${1 + (index % 9)} civilians were killed in shelling on ${places[index % places.length]} on Tuesday, officials said. Reference ${marker}.\n`;
  return { kind: 'valid', name: `valid-${marker}.txt`, bytes: text(content) };
}
