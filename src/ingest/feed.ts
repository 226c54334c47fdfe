// RSS and Atom feeds: each item becomes a report, read from the page it links to, or from the
// item's own content when it links nowhere. Read in one pass over parser events (linear in the
// feed, however deeply its elements nest or however many never close).
import { linearParser } from '../util/html-parser.js';

export interface FeedEntry {
  /** What identifies the item across polls: its guid/id, else its link. */
  key: string;
  link: string | null;
  title: string | null;
  published: string | null;
  content: string | null;
}

const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:rdf']);

/** True when a document looks like an RSS or Atom feed rather than a page. */
export function looksLikeFeed(text: string, contentType: string | null = null): boolean {
  if (contentType && /(rss|atom)\+xml/i.test(contentType)) return true;
  const start = prologEnd(text);
  return /^<(?:rss|feed|rdf:RDF)\b/i.test(text.slice(start, start + 8));
}

/** Where the first element starts: after white space, an XML declaration and comments. */
function prologEnd(text: string): number {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    const close = text.startsWith('<?xml', at) ? text.indexOf('?>', at) : text.startsWith('<!--', at) ? text.indexOf('-->', at) : -2;
    if (close === -2) return at;
    if (close < 0) return text.length;
    at = close + (text.startsWith('<?xml', at) ? 2 : 3);
  }
}

/** The items of a feed; throws when the document is not a feed. */
export function feedEntries(text: string): FeedEntry[] {
  const entries: FeedEntry[] = [];
  let root: string | null = null;
  let depth = 0;
  // The item being read (`<item>` in RSS, `<entry>` in Atom) and its field being read.
  let item: { depth: number; fields: Map<string, string>; href: string | null } | null = null;
  let field: { name: string; text: string[] } | null = null;
  const parser = linearParser(
    {
      onopentag(name, attribs) {
        depth++;
        root ??= name;
        if (!item && (name === 'item' || name === 'entry')) item = { depth, fields: new Map(), href: null };
        else if (item && depth === item.depth + 1) {
          field = { name, text: [] };
          // Atom: the first <link href>, preferring rel="alternate" (the page itself).
          if (name === 'link' && attribs.href && (!item.href || attribs.rel === 'alternate')) item.href = attribs.href;
        }
      },
      ontext(chunk) {
        field?.text.push(chunk);
      },
      onclosetag() {
        if (item && field && depth === item.depth + 1) {
          if (!item.fields.has(field.name)) item.fields.set(field.name, field.text.join('').trim());
          field = null;
        } else if (item && depth === item.depth) {
          const entry = toEntry(item.fields, item.href);
          if (entry) entries.push(entry);
          item = null;
        }
        depth--;
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(text);
  if (!root || !FEED_ROOTS.has(root)) throw new Error('not an RSS or Atom feed');
  return entries;
}

function toEntry(fields: Map<string, string>, href: string | null): FeedEntry | null {
  const get = (...names: string[]) => names.map((n) => fields.get(n)).find((v) => v) ?? null;
  const link = href ?? get('link');
  const key = get('guid', 'id') ?? link;
  if (!key) return null;
  const date = new Date(get('pubdate', 'dc:date', 'published', 'updated') ?? '');
  const day = Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
  return { key, link, title: get('title'), published: /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null, content: get('description', 'summary', 'content', 'content:encoded') };
}
