// WARC crawler archives (.warc, .warc.gz) through warcio: each archived HTML or text page is a
// report; other records (requests, metadata, images, redirects) are not reports and are passed over.
import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';

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

/** The page records of an archive, streamed; a parse error ends the file with one error entry. */
export async function* warcPages(path: string, maxBytes: number): AsyncGenerator<WarcPage> {
  const parser = new WARCParser(createReadStream(path));
  let index = 0;
  for await (const record of parser) {
    index++;
    const type = record.warcType;
    // warcio reads anything; a record without a type means the file is not WARC, or is damaged here.
    if (!type) throw new Error(`record ${index} has no WARC-Type (not a WARC file, or damaged)`);
    if (type !== 'response' && type !== 'resource' && type !== 'conversion') continue;
    const http = record.httpHeaders;
    if (http && (Number(http.statusCode) < 200 || Number(http.statusCode) >= 300)) continue;
    const contentType = (http ? http.headers.get('content-type') : record.warcContentType) ?? null;
    if (!contentType || !PAGE_TYPE.test(contentType)) continue;
    const url = record.warcTargetURI ?? null;
    const length = Number(record.warcHeader('Content-Length') ?? 0);
    if (length > maxBytes) {
      yield { index, url, contentType, error: `too large (${length} bytes; the limit is ${maxBytes})` };
      continue;
    }
    yield { index, url, contentType, bytes: await record.readFully(true) };
  }
}
