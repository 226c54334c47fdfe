// RSS and Atom feeds: each item becomes a report, read from the page it links to, or from the
// item's own content when it links nowhere.
import { parseFeed } from 'htmlparser2';

export interface FeedEntry {
  /** What identifies the item across polls: its guid/id, else its link. */
  key: string;
  link: string | null;
  title: string | null;
  published: string | null;
  content: string | null;
}

/** True when a document looks like an RSS or Atom feed rather than a page. */
export function looksLikeFeed(text: string, contentType: string | null = null): boolean {
  if (contentType && /(rss|atom)\+xml/i.test(contentType)) return true;
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)\b/i.test(text);
}

/** The items of a feed; throws when the document is not a feed. */
export function feedEntries(text: string): FeedEntry[] {
  const feed = parseFeed(text, { xmlMode: true });
  if (!feed) throw new Error('not an RSS or Atom feed');
  return feed.items.flatMap((item) => {
    const key = item.id || item.link;
    if (!key) return [];
    const published = item.pubDate && !Number.isNaN(item.pubDate.getTime()) ? item.pubDate.toISOString().slice(0, 10) : null;
    return [{ key, link: item.link ?? null, title: item.title ?? null, published, content: item.description ?? null }];
  });
}
