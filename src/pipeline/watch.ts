// Polling feeds: a conditional request (ETag / Last-Modified) per feed, and only the items not
// taken before (remembered in the database) are ingested. An item whose page failed is tried
// again on the next poll.
import type { Store } from '../store/index.js';
import { decodeBytes, charsetOf } from '../ingest/decode.js';
import { feedEntries, type FeedEntry } from '../ingest/feed.js';
import { fetchUrl, type FetchOptions } from '../ingest/fetch.js';
import { fromFeedEntry, type IngestMetadata } from '../ingest/index.js';
import { emptySummary, ingestItems, type Analyser, type IngestSummary } from './run.js';

export interface PollResult extends IngestSummary {
  feed: string;
  notModified: boolean;
  newItems: number;
}

export async function pollFeed(store: Store, feed: string, options: { fetch: FetchOptions; metadata: IngestMetadata; analyser: Analyser }): Promise<PollResult> {
  const result = (summary: IngestSummary, notModified: boolean, newItems: number): PollResult => ({ feed, notModified, newItems, ...summary });
  let entries: FeedEntry[];
  let validators;
  try {
    const state = await store.feedState(feed);
    const fetched = await fetchUrl(feed, { ...options.fetch, etag: state?.etag, lastModified: state?.lastModified });
    if (fetched.notModified) return result(emptySummary(), true, 0);
    const decoded = decodeBytes(fetched.bytes, charsetOf(fetched.contentType));
    if (!decoded.ok) throw new Error(decoded.error);
    entries = feedEntries(decoded.text);
    validators = { etag: fetched.etag, lastModified: fetched.lastModified };
  } catch (error) {
    const summary = emptySummary();
    summary.errors.push({ item: feed, error: (error as Error).message });
    process.stderr.write(`error: ${feed}: ${(error as Error).message}\n`);
    return result(summary, false, 0);
  }
  const unseen = new Set(await store.unseenFeedItems(feed, entries.map((e) => e.key)));
  const fresh = entries.filter((e) => unseen.has(e.key));
  const summary = await ingestItems(store, entriesToItems(feed, fresh, options), { analyser: options.analyser });
  const failed = new Set(summary.errors.map((e) => e.item));
  await store.markFeedItemsSeen(feed, fresh.filter((e) => !failed.has(e.link ?? `${feed}#${e.key}`)).map((e) => e.key));
  await store.saveFeedState(feed, validators);
  return result(summary, false, fresh.length);
}

async function* entriesToItems(feed: string, entries: FeedEntry[], options: { fetch: FetchOptions; metadata: IngestMetadata }) {
  for (const entry of entries) yield* fromFeedEntry(feed, entry, options.metadata, { fetch: options.fetch });
}
