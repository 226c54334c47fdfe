// The HTML half of the clean stage: metadata, furniture elements, main content, paragraphs.
import { byName, elementsOf, findFirst, parseHtml, type Element } from './dom.js';
import { chooseMainContent } from './mainContent.js';
import { readMetadata, type PageMetadata } from './metadata.js';
import { BULK_SHARE, measureProse } from './prose.js';
import { LineWriter, renderInto, renderLines } from './render.js';
import type { ElementRule, Removal } from './rules/types.js';

export interface HtmlContent extends PageMetadata {
  lines: string[];
  captions: string[];
  removed: Removal[];
}

/** Names what lies outside the chosen main content in `removed`. */
const MAIN_CONTENT_RULE = 'MainContentRule';

/** Elements no rule may touch: the page itself and the chain of elements holding the bulk of its prose or paragraphs. */
function guardedElements(body: Element): Set<Element> {
  const { prose, paragraphs } = measureProse(body);
  const holdsBulkOf = (measure: Map<Element, number>, element: Element): boolean => {
    const total = measure.get(body) ?? 0;
    return total > 0 && (measure.get(element) ?? 0) >= BULK_SHARE * total;
  };
  const guarded = new Set<Element>([body]);
  for (const element of elementsOf(body)) {
    if (holdsBulkOf(prose, element) || holdsBulkOf(paragraphs, element)) guarded.add(element);
  }
  return guarded;
}

function dropFurniture(element: Element, rules: ElementRule[], guarded: Set<Element>, removed: Removal[]): void {
  element.children = element.children.filter((child) => {
    if (typeof child === 'string') return true;
    const rule = guarded.has(child) ? undefined : rules.find((candidate) => candidate.matches(child));
    if (!rule) {
      dropFurniture(child, rules, guarded, removed);
      return true;
    }
    const text = renderLines(child).join('\n');
    if (text !== '') removed.push({ text, rule: rule.name });
    return false;
  });
}

export function cleanHtml(html: string, rules: ElementRule[]): HtmlContent {
  const document = parseHtml(html);
  const metadata = readMetadata(document);
  const body = findFirst(document, byName('body')) ?? document;
  const guarded = guardedElements(body);
  const removed: Removal[] = [];
  dropFurniture(body, rules.filter((rule) => rule.action === 'drop'), guarded, removed);

  const roots = new Set(chooseMainContent(body));
  const content = new LineWriter();
  const outside = new LineWriter();
  const captions: string[] = [];
  const captionRules = rules.filter((rule) => rule.action === 'caption');
  renderInto(body, outside, {
    writerFor: (element, current) => (roots.has(element) ? content : current),
    divert: (element, writer) => {
      const rule = writer === content && !guarded.has(element) && captionRules.find((r) => r.matches(element));
      if (!rule) return false;
      const caption = renderLines(element).join(' ');
      if (caption !== '') {
        captions.push(caption);
        removed.push({ text: caption, rule: rule.name });
      }
      return true;
    },
  });
  content.breakLine();
  outside.breakLine();
  if (outside.lines.length > 0) removed.push({ text: outside.lines.join('\n'), rule: MAIN_CONTENT_RULE });
  return { ...metadata, lines: content.lines, captions, removed };
}
