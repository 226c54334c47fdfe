// Identity and versions in the ledger, and feed polling: the same report twice changes nothing;
// a changed page at the same URL is a new version linked to the old; an unchanged feed costs a
// 304 and items taken before are skipped.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestItem } from '../../src/ingest/index.js';
import { Analyser, ingestItems } from '../../src/pipeline/run.js';
import { pollFeed } from '../../src/pipeline/watch.js';
import { Store } from '../../src/store/index.js';
import type { RawReport } from '../../src/types.js';

let store: Store;
const analyser = new Analyser({ threads: 1 });
beforeAll(async () => {
  store = await Store.open({ dataDir: 'memory://' });
});
afterAll(async () => {
  await analyser.close();
  await store.close();
});

const page = (text: string): RawReport => ({ origin: 'page', url: 'https://news.example/raid', title: null, sourceName: null, published: '2021-04-02', format: 'text', content: text });
async function* items(...reports: RawReport[]): AsyncGenerator<IngestItem> {
  for (const report of reports) yield { ok: true, report };
}

describe('report identity and versions', () => {
  it('stores a report once, and a changed page as a version linked to the old one', async () => {
    const first = 'On 1 April 2021, gunmen killed 3 villagers in Gardez, police said.';
    const second = 'On 1 April 2021, gunmen killed 4 villagers in Gardez, police said.';
    expect(await ingestItems(store, items(page(first)), { analyser })).toMatchObject({ reportsStored: 1 });
    expect(await ingestItems(store, items(page(first)), { analyser })).toMatchObject({ reportsStored: 0, duplicates: 1, incidentsCreated: 0, incidentsMerged: 0 });
    expect(await ingestItems(store, items(page(second), page(second)), { analyser })).toMatchObject({ reportsStored: 1, duplicates: 1 });
    const versions = await store.reportVersions('https://news.example/raid');
    expect(versions).toHaveLength(2);
    expect(versions[1]!.previousVersionId).toBe(versions[0]!.id);
    expect(versions[0]!.previousVersionId).toBeNull();
  });
});

describe('watching a feed', () => {
  let etag = '"v1"';
  let items = ['a'];
  const requests: Array<string | undefined> = [];
  const server = createServer((req, res) => {
    if (req.url === '/feed') {
      requests.push(req.headers['if-none-match']);
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag });
      return void res.end(`<rss><channel>${items.map((id) => `<item><guid>${id}</guid><link>${base}/story/${id}</link></item>`).join('')}</channel></rss>`);
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<html><body><article><p>On 3 May 2021, an airstrike killed ${req.url === '/story/a' ? 5 : 6} people in Taiz, medics said.</p></article></body></html>`);
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => void server.close());

  it('asks conditionally and takes only items it has not seen', async () => {
    const poll = () => pollFeed(store, `${base}/feed`, { fetch: { allowPrivate: true, timeoutMs: 2000 }, metadata: { published: '2021-05-04' }, analyser });
    expect(await poll()).toMatchObject({ notModified: false, newItems: 1, reportsStored: 1 });
    expect(await poll()).toMatchObject({ notModified: true, newItems: 0 });
    etag = '"v2"';
    items = ['a', 'b'];
    expect(await poll()).toMatchObject({ notModified: false, newItems: 1, reportsStored: 1 });
    expect(requests).toEqual([undefined, '"v1"', '"v1"']);
  });
});
