// WARC crawler archives (.warc, and gzipped .warc.gz): each archived HTML or text page is a
// report; other records (requests, metadata, images, redirects) are not reports and are passed
// over. The reader streams the file with bounded buffers: a header line or block longer than
// allowed, or a file that ends inside a record, ends the file with one error, and a page body is
// decompressed (HTTP Content-Encoding) only up to --max-bytes.
import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { brotliDecompressSync, createGunzip, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

export interface WarcPage {
  /** Record number in the file, from 1, for messages. */
  index: number;
  url: string | null;
  contentType: string | null;
  /** Set instead of `bytes` when the record cannot be a report. */
  error?: string;
  bytes?: Uint8Array;
}

const PAGE_TYPE = /^(?:text\/html|application\/xhtml\+xml|text\/plain)\b/i;
/** Longest WARC or HTTP header section read; real ones are a few hundred bytes. */
const MAX_HEADER_BYTES = 64 * 1024;

/** The page records of an archive, streamed; damage ends the file with one error thrown (after the records before it). */
export async function* warcPages(path: string, maxBytes: number): AsyncGenerator<WarcPage> {
  const reader = new ByteReader(await openArchive(path));
  try {
    yield* records(reader, maxBytes);
  } finally {
    await reader.close();
  }
}

async function* records(reader: ByteReader, maxBytes: number): AsyncGenerator<WarcPage> {
  for (let index = 1; ; index++) {
    const head = await readWarcHead(reader, index);
    if (!head) return;
    const type = head.get('warc-type');
    const length = Number(head.get('content-length'));
    const url = head.get('warc-target-uri')?.replace(/^<(.*)>$/, '$1') ?? null;
    const maybePage = type === 'response' || type === 'resource' || type === 'conversion';
    // Only a page's block is kept, and only when it is within the size cap; the rest is read past.
    const block = await reader.read(length, maybePage ? (length > maxBytes ? MAX_HEADER_BYTES : length) : 0);
    if (!block.complete) throw new Error(`record ${index} is cut short: the file ends ${length - block.read} bytes before its end (Content-Length ${length})`);
    if (!maybePage) continue;
    const http = /application\/http/i.test(head.get('content-type') ?? '') ? parseHttpHead(block.kept) : null;
    if (http && (http.status < 200 || http.status >= 300)) continue;
    const contentType = (http ? http.headers.get('content-type') : head.get('content-type')) ?? null;
    if (!contentType || !PAGE_TYPE.test(contentType)) continue;
    if (length > maxBytes) {
      yield { index, url, contentType, error: `too large (${length} bytes; the limit is ${maxBytes})` };
      continue;
    }
    try {
      const body = http ? decodeHttpBody(block.kept.subarray(http.bodyStart), http.headers, maxBytes) : block.kept;
      yield { index, url, contentType, bytes: body };
    } catch (error) {
      yield { index, url, contentType, error: (error as Error).message };
    }
  }
}

/** The file's bytes, gunzipped (every member) when it starts with the gzip magic number. */
async function openArchive(path: string): Promise<AsyncIterable<Buffer>> {
  const file = await open(path);
  const magic = Buffer.alloc(2);
  try {
    await file.read(magic, 0, 2, 0);
  } finally {
    await file.close();
  }
  const source = createReadStream(path);
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) return source;
  return pipeline(source, createGunzip(), () => undefined);
}

/** A WARC record's version line and named fields (lower-case names); null at the end of the file. */
async function readWarcHead(reader: ByteReader, index: number): Promise<Map<string, string> | null> {
  let line = await reader.readLine(MAX_HEADER_BYTES);
  while (line !== null && line.trim() === '') line = await reader.readLine(MAX_HEADER_BYTES);
  if (line === null) return null;
  if (!/^WARC\/\d/.test(line)) throw new Error(`record ${index} does not start with a WARC/1.x line (not a WARC file, or damaged)`);
  const fields = new Map<string, string>();
  let size = 0;
  let last = '';
  for (;;) {
    const field = await reader.readLine(MAX_HEADER_BYTES);
    if (field === null) throw new Error(`record ${index} is cut short in its header`);
    if (field.trim() === '') break;
    size += field.length;
    if (size > MAX_HEADER_BYTES) throw new Error(`record ${index} has a header larger than ${MAX_HEADER_BYTES} bytes`);
    if (/^[ \t]/.test(field) && last) fields.set(last, `${fields.get(last)} ${field.trim()}`);
    else {
      const colon = field.indexOf(':');
      if (colon < 1) continue;
      last = field.slice(0, colon).trim().toLowerCase();
      fields.set(last, field.slice(colon + 1).trim());
    }
  }
  if (!fields.get('warc-type')) throw new Error(`record ${index} has no WARC-Type (not a WARC file, or damaged)`);
  if (!/^\d+$/.test(fields.get('content-length') ?? '')) throw new Error(`record ${index} has no valid Content-Length`);
  return fields;
}

interface HttpHead {
  status: number;
  headers: Map<string, string>;
  bodyStart: number;
}

/** The status and headers of an archived HTTP response; null when the block holds none. */
function parseHttpHead(block: Buffer): HttpHead | null {
  const window = block.subarray(0, MAX_HEADER_BYTES).toString('latin1');
  const end = /\r?\n\r?\n/.exec(window);
  if (!end) return null;
  const [statusLine = '', ...lines] = window.slice(0, end.index).split(/\r?\n/);
  const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(statusLine)?.[1] ?? NaN);
  if (Number.isNaN(status)) return null;
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status, headers, bodyStart: end.index + end[0].length };
}

/** Undoes chunked transfer and content encodings; each decompression stops at `maxBytes`. */
function decodeHttpBody(body: Buffer, headers: Map<string, string>, maxBytes: number): Buffer {
  let bytes = /chunked/i.test(headers.get('transfer-encoding') ?? '') ? dechunk(body) : body;
  const encodings = (headers.get('content-encoding') ?? '').split(',').map((e) => e.trim().toLowerCase()).filter((e) => e && e !== 'identity');
  for (const encoding of encodings.reverse()) bytes = decompress(bytes, encoding, maxBytes);
  return bytes;
}

function decompress(bytes: Buffer, encoding: string, maxBytes: number): Buffer {
  const options = { maxOutputLength: maxBytes };
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') {
      // Some crawlers store the body decoded but keep the header: no gzip magic, nothing to undo.
      return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes, options) : bytes;
    }
    if (encoding === 'deflate') {
      try {
        return inflateSync(bytes, options);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw error;
        return inflateRawSync(bytes, options);
      }
    }
    if (encoding === 'br') return brotliDecompressSync(bytes, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new Error(`too large after decompression (more than ${maxBytes} bytes; the limit)`);
    throw new Error(`cannot decompress its ${encoding} body: ${(error as Error).message}`);
  }
  throw new Error(`unsupported Content-Encoding ${encoding}`);
}

/** A chunked HTTP body joined; a damaged chunk list is an error. */
function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\n', at);
    if (lineEnd < 0) throw new Error('damaged chunked body (no chunk size line)');
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1').trim(), 16);
    if (Number.isNaN(size) || size < 0) throw new Error('damaged chunked body (bad chunk size)');
    at = lineEnd + 1;
    if (size === 0) return Buffer.concat(parts);
    if (at + size > body.length) throw new Error('damaged chunked body (cut short)');
    parts.push(body.subarray(at, at + size));
    at += size;
    if (body[at] === 0x0d) at++;
    if (body[at] === 0x0a) at++;
  }
}

/** Bytes from a stream with what has been read but not used kept aside: lines, or blocks of a given length. */
class ByteReader {
  private pending: Buffer = Buffer.alloc(0);
  private readonly chunks: AsyncIterator<Buffer>;
  private ended = false;

  constructor(source: AsyncIterable<Buffer>) {
    this.chunks = source[Symbol.asyncIterator]();
  }

  /** The next line without its line end (latin1), or null at the end of the input. */
  async readLine(max: number): Promise<string | null> {
    let searched = 0;
    for (;;) {
      const end = this.pending.indexOf(0x0a, searched);
      if (end >= 0) {
        const line = this.pending.subarray(0, end).toString('latin1').replace(/\r$/, '');
        this.pending = this.pending.subarray(end + 1);
        return line;
      }
      if (this.pending.length > max) throw new Error(`a line longer than ${max} bytes where a header was expected (not a WARC file, or damaged)`);
      searched = this.pending.length;
      if (!(await this.more())) {
        if (this.pending.length === 0) return null;
        const line = this.pending.toString('latin1');
        this.pending = Buffer.alloc(0);
        return line;
      }
    }
  }

  /** Reads `length` bytes, keeping the first `keep` of them; `complete` is false when the input ended first. */
  async read(length: number, keep: number): Promise<{ kept: Buffer; read: number; complete: boolean }> {
    const kept: Buffer[] = [];
    let keptSize = 0;
    let read = 0;
    while (read < length) {
      if (this.pending.length === 0 && !(await this.more())) break;
      const take = Math.min(this.pending.length, length - read);
      if (keptSize < keep) {
        const part = this.pending.subarray(0, Math.min(take, keep - keptSize));
        kept.push(part);
        keptSize += part.length;
      }
      this.pending = this.pending.subarray(take);
      read += take;
    }
    return { kept: Buffer.concat(kept), read, complete: read === length };
  }

  /** Stops reading the input (closes the file) when the caller stops early. */
  async close(): Promise<void> {
    if (!this.ended) await this.chunks.return?.();
  }

  private async more(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.pending = this.pending.length > 0 ? Buffer.concat([this.pending, next.value]) : next.value;
    return true;
  }
}
