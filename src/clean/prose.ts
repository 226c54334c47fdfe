// How much reading text an element holds: the measure behind main-content choice and the bulk-of-prose guard.
import type { Element, Node } from './dom.js';
import { isBlock } from './render.js';

/** Once furniture is gone, the story holds the bulk of a page's text; furniture never does. */
export const BULK_SHARE = 0.5;

// Link text is navigation, not prose; scripts and styles are code.
const NOT_PROSE = new Set(['a', 'script', 'style', 'template', 'head', 'title']);
/** List items are menus and teaser lists more often than story text (Readability does not score them either). */
const NOT_PARAGRAPHS = new Set(['li', 'ul', 'ol']);
/** Less inline text than this makes a byline, a label or a button rather than a paragraph. */
const MIN_PARAGRAPH_CHARS = 25;

export interface ProseMeasure {
  /** Non-whitespace characters of non-link text under each element. */
  prose: Map<Element, number>;
  /** Characters of the paragraphs under each element. A paragraph is a block's own inline text (a <p>, or a <div> with text in it). */
  paragraphs: Map<Element, number>;
  /** Readability's score: each paragraph counts fully for its parent and half for its grandparent. */
  score: Map<Element, number>;
}

function visibleChars(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 32 && code !== 160) count++;
  }
  return count;
}

export function measureProse(root: Element): ProseMeasure {
  const measure: ProseMeasure = { prose: new Map(), paragraphs: new Map(), score: new Map() };
  const addScore = (element: Element | null | undefined, value: number): void => {
    if (element) measure.score.set(element, (measure.score.get(element) ?? 0) + value);
  };
  /** Returns the node's prose, its paragraphs, and the inline text it adds to the paragraph around it. */
  const visit = (node: Node): { prose: number; paragraphs: number; inline: number } => {
    if (typeof node === 'string') {
      const chars = visibleChars(node);
      return { prose: chars, paragraphs: 0, inline: chars };
    }
    let prose = 0;
    let paragraphs = 0;
    let ownText = 0;
    for (const child of node.children) {
      const inner = visit(child);
      prose += inner.prose;
      paragraphs += inner.paragraphs;
      ownText += inner.inline;
    }
    if (NOT_PROSE.has(node.name)) prose = ownText = 0;
    const block = isBlock(node.name) || node.name === '#document';
    if (block && !NOT_PARAGRAPHS.has(node.name) && ownText >= MIN_PARAGRAPH_CHARS) {
      paragraphs += ownText;
      addScore(node.parent, ownText);
      addScore(node.parent?.parent, ownText / 2);
    }
    measure.prose.set(node, prose);
    measure.paragraphs.set(node, paragraphs);
    return { prose, paragraphs, inline: block ? 0 : ownText };
  };
  visit(root);
  return measure;
}
