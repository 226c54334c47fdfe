// Chooses the elements that hold the story, after furniture has been dropped.
import { elementsOf, type Element } from './dom.js';
import { BULK_SHARE, measureProse } from './prose.js';

/** A marked-up article must hold at least this share of the best paragraph block's text, or it is a teaser. */
const MIN_SHARE_OF_BEST_BLOCK = 0.5;
/** A sibling of the best block joins it when it holds this share of its paragraph text (story split by inline ads). */
const MIN_SIBLING_SHARE = 0.2;

function isArticleBody(element: Element): boolean {
  return (element.attribs.itemprop ?? '').split(/\s+/).includes('articleBody');
}

function isOnlyElementChild(element: Element): boolean {
  return (element.parent?.children ?? []).every((child) => child === element || typeof child === 'string');
}

/** Outermost matches only: an articleBody inside another adds nothing. */
function outermost(root: Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (element: Element): void => {
    if (test(element)) {
      found.push(element);
      return;
    }
    for (const child of element.children) if (typeof child !== 'string') visit(child);
  };
  visit(root);
  return found;
}

/**
 * In order of preference: `itemprop=articleBody`, the fullest <article>, <main> (or role=main),
 * the block with the most paragraph text (grown to hold the bulk of the page's paragraphs, plus its
 * sizeable siblings), the whole body.
 */
export function chooseMainContent(body: Element): Element[] {
  const { paragraphs, prose, score } = measureProse(body);
  // Pages without paragraphs of any length are compared by all their non-link text instead.
  const measure = (paragraphs.get(body) ?? 0) > 0 ? paragraphs : prose;
  const textOf = (elements: Element[]): number => elements.reduce((sum, e) => sum + (measure.get(e) ?? 0), 0);

  let best: Element | null = null;
  for (const [element, value] of score) if (!best || value > (score.get(best) ?? 0)) best = element;
  const bestText = best ? textOf([best]) : 0;
  const isStory = (elements: Element[]): boolean =>
    elements.length > 0 && textOf(elements) >= MIN_SHARE_OF_BEST_BLOCK * bestText;

  const articleBodies = outermost(body, isArticleBody);
  if (isStory(articleBodies)) return articleBodies;

  const articles = [...elementsOf(body)].filter((e) => e.name === 'article');
  const fullestArticle = articles.sort((a, b) => textOf([b]) - textOf([a]))[0];
  if (fullestArticle && isStory([fullestArticle])) return [fullestArticle];

  const main = outermost(body, (e) => e.name === 'main' || e.attribs.role === 'main');
  if (isStory(main)) return main;

  if (!best) return [body];
  // Climb out of wrappers that hold nothing else, and until the block holds the bulk of the paragraphs:
  // malformed or flat pages scatter a story over several parents.
  let block = best;
  while (block.parent && block !== body && (isOnlyElementChild(block) || textOf([block]) < BULK_SHARE * textOf([body]))) {
    block = block.parent;
  }
  if (block === body) return [body];
  return (block.parent?.children ?? []).filter(
    (child): child is Element =>
      typeof child !== 'string' && (child === block || textOf([child]) >= MIN_SIBLING_SHARE * textOf([block])),
  );
}
