// Page metadata: title, publication date and language, read before any furniture is dropped
// (JSON-LD lives in <script>, the date often in the article's <header>).
import { byName, elementsOf, findAll, findFirst, rawText, type Element } from './dom.js';
import { toIsoDate } from './dates.js';
import { loadList } from './lexicon.js';
import { measureProse } from './prose.js';
import { collapseWhitespace } from './text.js';

export interface PageMetadata {
  title: string | null;
  published: string | null;
  language: string;
}

const DEFAULT_LANGUAGE = 'en';
/** Site names stay short: "BBC News", "The Guardian", "World news". */
const MAX_SITE_NAME_WORDS = 4;
const MIN_HEADLINE_WORDS = 3;
const JSON_LD_MAX_DEPTH = 12;

/** `<meta>` values (and other elements' itemprop values) by lower-case name, property, itemprop or http-equiv; first wins. */
function metaValues(document: Element): Map<string, string> {
  const values = new Map<string, string>();
  for (const element of elementsOf(document)) {
    const { name, property, itemprop, content, datetime } = element.attribs;
    const value = content ?? datetime;
    if (value === undefined || (element.name !== 'meta' && itemprop === undefined)) continue;
    for (const key of [name, property, itemprop, element.attribs['http-equiv']]) {
      if (key !== undefined && !values.has(key.toLowerCase())) values.set(key.toLowerCase(), value.trim());
    }
  }
  return values;
}

/**
 * JSON as pages write it: raw line breaks inside strings and trailing commas are common in JSON-LD.
 * Returns null when the text is not JSON even after those repairs.
 */
function parseLenientJson(text: string): unknown {
  // eslint-disable-next-line no-control-regex -- raw control characters are what breaks the JSON
  for (const attempt of [text, text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([\]}])/g, '$1')]) {
    try {
      return JSON.parse(attempt);
    } catch {
      // try the repaired text, then give up: the other date sources remain
    }
  }
  return null;
}

/** Objects in JSON-LD blocks that carry a date, articles first. */
function jsonLdDates(document: Element): string[] {
  const articleDates: string[] = [];
  const otherDates: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > JSON_LD_MAX_DEPTH || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const date = record.datePublished ?? record.dateCreated;
    if (typeof date === 'string') {
      const isArticle = /Article|Posting|Report|News/.test(String(record['@type'] ?? ''));
      (isArticle ? articleDates : otherDates).push(date);
    }
    for (const child of Object.values(record)) visit(child, depth + 1);
  };
  const scripts = findAll(document, (e) => e.name === 'script' && /ld\+json/i.test(e.attribs.type ?? ''));
  for (const script of scripts) visit(parseLenientJson(rawText(script)), 0);
  return [...articleDates, ...otherDates];
}

/**
 * <time datetime> inside the story: the fullest <article>, else <main>, else around the headline
 * (the <h1>'s grandparent). Elsewhere on the page they date other stories.
 */
function articleTimes(document: Element): string[] {
  const { prose } = measureProse(document);
  const articles = findAll(document, byName('article')).sort((a, b) => (prose.get(b) ?? 0) - (prose.get(a) ?? 0));
  const scope = articles[0] ?? findFirst(document, byName('main')) ?? findFirst(document, byName('h1'))?.parent?.parent;
  if (!scope) return [];
  return findAll(scope, byName('time')).flatMap((time) => time.attribs.datetime ?? []);
}

function readPublished(document: Element, meta: Map<string, string>): string | null {
  const fromMeta = loadList('date-meta-names.txt').flatMap((name) => meta.get(name) ?? []);
  for (const candidate of [...fromMeta, ...jsonLdDates(document), ...articleTimes(document)]) {
    const date = toIsoDate(candidate);
    if (date) return date;
  }
  return null;
}

function isTitleCase(text: string): boolean {
  return text.split(' ').every((word) => !/^\p{Ll}/u.test(word));
}

/**
 * "Headline | World news | The Guardian" -> "Headline". A trailing segment is a site name when it is the
 * page's og:site_name, or, when `guess` is set, when it is short and follows "|" or is written in Title Case.
 */
function trimSiteSuffix(title: string, siteName: string | undefined, guess: boolean): string {
  let trimmed = title;
  for (;;) {
    const match = /^(.*\S)\s+(\||-|–|—|::|»|·)\s+(.+)$/.exec(trimmed);
    if (!match) return trimmed;
    const [, head = '', separator, tail = ''] = match;
    const isSiteName =
      tail === siteName ||
      (guess &&
        tail.split(' ').length <= MAX_SITE_NAME_WORDS &&
        head.split(' ').length >= MIN_HEADLINE_WORDS &&
        (separator === '|' || isTitleCase(tail)));
    if (!isSiteName) return trimmed;
    trimmed = head;
  }
}

function readTitle(document: Element, meta: Map<string, string>): string | null {
  const siteName = meta.get('og:site_name');
  const ogTitle = collapseWhitespace(meta.get('og:title') ?? '');
  if (ogTitle) return trimSiteSuffix(ogTitle, siteName, false);
  const titleElement = findFirst(document, byName('title'));
  const pageTitle = collapseWhitespace(titleElement ? rawText(titleElement) : '');
  if (pageTitle) return trimSiteSuffix(pageTitle, siteName, true);
  const h1 = findFirst(document, byName('h1'));
  return collapseWhitespace(h1 ? rawText(h1) : '') || null;
}

function readLanguage(document: Element, meta: Map<string, string>): string {
  const html = findFirst(document, byName('html'));
  for (const tag of [html?.attribs.lang, html?.attribs['xml:lang'], meta.get('content-language')]) {
    const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
    if (primary && /^[a-z]{2,3}$/.test(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

export function readMetadata(document: Element): PageMetadata {
  const meta = metaValues(document);
  return {
    title: readTitle(document, meta),
    published: readPublished(document, meta),
    language: readLanguage(document, meta),
  };
}
