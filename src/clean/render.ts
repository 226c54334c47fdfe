// Turns an element tree into paragraphs: one line per block, inline text joined as a browser would.
import type { Element, Node } from './dom.js';
import { collapseWhitespace } from './text.js';

// Elements that start a new line. <br> is one too: it breaks the line it sits in.
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'tfoot', 'thead', 'tr', 'ul',
]);
// Table cells stay on their row's line, separated by a space.
const CELL_TAGS = new Set(['td', 'th']);
// Metadata and code: never text, whatever the furniture rules say.
const UNRENDERED_TAGS = new Set(['head', 'title', 'script', 'style', 'template']);

export function isBlock(tag: string): boolean {
  return BLOCK_TAGS.has(tag);
}

/** Collects paragraphs: text is buffered until a block boundary closes the line. */
export class LineWriter {
  readonly lines: string[] = [];
  private buffer = '';

  write(text: string): void {
    this.buffer += text;
  }

  breakLine(): void {
    const line = collapseWhitespace(this.buffer);
    this.buffer = '';
    if (line !== '') this.lines.push(line);
  }
}

export interface RenderHooks {
  /** Called for each element; returning true means the hook handled it and its text is not written. */
  divert?(element: Element, writer: LineWriter): boolean;
  /** Chooses the writer for an element's subtree (e.g. main content versus the rest of the page). */
  writerFor?(element: Element, current: LineWriter): LineWriter;
}

export function renderInto(node: Node, writer: LineWriter, hooks: RenderHooks = {}): void {
  if (typeof node === 'string') {
    writer.write(node);
    return;
  }
  if (UNRENDERED_TAGS.has(node.name) || hooks.divert?.(node, writer)) return;
  const inner = hooks.writerFor?.(node, writer) ?? writer;
  const separate = inner !== writer || BLOCK_TAGS.has(node.name);
  if (separate) {
    writer.breakLine();
    inner.breakLine();
  } else if (CELL_TAGS.has(node.name)) inner.write(' ');
  for (const child of node.children) renderInto(child, inner, hooks);
  if (separate) {
    inner.breakLine();
    writer.breakLine();
  } else if (CELL_TAGS.has(node.name)) inner.write(' ');
}

/** The paragraphs of a subtree. */
export function renderLines(node: Node): string[] {
  const writer = new LineWriter();
  renderInto(node, writer);
  writer.breakLine();
  return writer.lines;
}
