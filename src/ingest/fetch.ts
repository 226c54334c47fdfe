// Fetching a page or feed safely: http(s) only, every resolved address checked (on each
// redirect too, and at connect time so a DNS answer cannot change between check and use),
// a size cap on the decompressed body, a timeout, and conditional requests for `watch`.
import { lookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, fetch } from 'undici';
import { isNonPublicAddress } from './address.js';

export interface FetchOptions {
  /** Allow private, loopback and link-local addresses (tests, intranets). */
  allowPrivate?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
  /** Validators from an earlier fetch: a 304 answer comes back as `notModified`. */
  etag?: string | null;
  lastModified?: string | null;
}

export interface Fetched {
  /** The URL after redirects. */
  url: string;
  notModified: boolean;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  bytes: Buffer;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;
const USER_AGENT = 'Vigil/0.1 (conflict-report ingestion)';

/** The connect-time check: resolve every address and refuse the host if any is not public. */
function guardedLookup(hostname: string, options: { all?: boolean }, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void): void {
  lookup(hostname, { all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => isNonPublicAddress(a.address));
    if (refused) return callback(new Error(`${hostname} resolves to a non-public address (${refused.address}); pass --allow-private to allow it`), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

const publicOnly = new Agent({ connect: { lookup: guardedLookup as never } });
const anyAddress = new Agent();

export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<Fetched> {
  try {
    return await fetchFollowing(url, options);
  } catch (error) {
    throw new Error(describeFailure(error, options.timeoutMs ?? DEFAULT_TIMEOUT_MS));
  }
}

async function fetchFollowing(url: string, options: FetchOptions): Promise<Fetched> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const signal = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8' };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    checkTarget(current, options.allowPrivate ?? false);
    const response = await fetch(current, { headers, redirect: 'manual', signal, dispatcher: options.allowPrivate ? anyAddress : publicOnly });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
      await response.body?.cancel();
      current = new URL(location, current).toString();
      continue;
    }
    const common = { url: current, contentType: response.headers.get('content-type'), etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
    if (response.status === 304) return { ...common, notModified: true, bytes: Buffer.alloc(0) };
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    }
    return { ...common, notModified: false, bytes: await readCapped(response.body, Number(response.headers.get('content-length') ?? 0), maxBytes) };
  }
  throw new Error(`more than ${MAX_REDIRECTS} redirects`);
}

/** http(s) only; a literal IP address is checked here because connecting to one needs no lookup. */
function checkTarget(url: string, allowPrivate: boolean): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`unsupported scheme ${parsed.protocol} (only http and https)`);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isNonPublicAddress(host)) throw new Error(`${host} is a non-public address; pass --allow-private to allow it`);
}

async function readCapped(body: ReadableStream<Uint8Array> | null, declared: number, maxBytes: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const tooLarge = async (what: string) => {
    await reader.cancel();
    return new Error(`too large (${what}; the limit is ${maxBytes} bytes)`);
  };
  if (declared > maxBytes) throw await tooLarge(`${declared} bytes`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.length;
    if (size > maxBytes) throw await tooLarge('more after decompression');
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
}

/** One line for a failed fetch: timeouts and network errors say what happened, our own errors pass as they are. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `timed out after ${timeoutMs} ms`;
  if (error instanceof TypeError && error.cause instanceof Error) return `cannot fetch: ${error.cause.message}`;
  return error instanceof Error ? error.message : String(error);
}
