// A minimal element tree built from htmlparser2's events: just what cleaning needs.
import { linearParser } from '../util/html-parser.js';

export interface Element {
  name: string;
  attribs: Record<string, string>;
  children: Node[];
  parent: Element | null;
}

/** Text nodes are plain strings (entities already decoded). */
export type Node = Element | string;

// Deeper elements are flattened into their ancestor at this depth, so that
// garbage such as 100,000 unclosed <b> tags cannot overflow the stack of the
// recursive walks below.
const MAX_DEPTH = 200;

/** Parses any string as HTML; never throws on malformed input. */
export function parseHtml(html: string): Element {
  const document: Element = { name: '#document', attribs: {}, children: [], parent: null };
  // `null` stands for an element flattened away below MAX_DEPTH.
  const open: Array<Element | null> = [];
  let current = document;
  const parser = linearParser(
    {
      onopentag(name, attribs) {
        if (open.length >= MAX_DEPTH) {
          open.push(null);
          return;
        }
        const element: Element = { name, attribs, children: [], parent: current };
        current.children.push(element);
        open.push(element);
        current = element;
      },
      ontext(text) {
        const last = current.children.length - 1;
        const previous = current.children[last];
        if (typeof previous === 'string') current.children[last] = previous + text;
        else current.children.push(text);
      },
      onclosetag() {
        const closed = open.pop();
        if (closed) current = closed.parent ?? document;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return document;
}

/** Elements under `root` (itself included) in document order. */
export function* elementsOf(root: Element): Generator<Element> {
  yield root;
  for (const child of root.children) {
    if (typeof child !== 'string') yield* elementsOf(child);
  }
}

export function findFirst(root: Element, test: (element: Element) => boolean): Element | null {
  for (const element of elementsOf(root)) if (test(element)) return element;
  return null;
}

export function findAll(root: Element, test: (element: Element) => boolean): Element[] {
  return [...elementsOf(root)].filter(test);
}

export function byName(name: string): (element: Element) => boolean {
  return (element) => element.name === name;
}

/** All text under a node, concatenated as in the source. */
export function rawText(node: Node): string {
  if (typeof node === 'string') return node;
  return node.children.map(rawText).join('');
}

/**
 * The words of an element's class and id attributes, lower case, padded with spaces:
 * `class="shareBar ad_slot"` gives " share bar ad slot ". Look up runs with `includes(" ad slot ")`.
 */
export function classWords(element: Element): string {
  const names = `${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`;
  const words = names
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  return ` ${words.join(' ')} `;
}
