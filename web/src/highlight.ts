// A report's clean text with the exact phrases behind fields and claims marked. Spans are
// offsets into the text; overlapping spans split the text at every boundary, and each piece is
// marked with every span that covers it. The text goes in as text nodes only.
import { h } from './dom.js';

export interface Span {
  start: number;
  end: number;
  /** What the phrase is evidence for, e.g. "location" or "claim 2: killed". */
  label: string;
  /** The element id a claim row scrolls to (on the span's first piece). */
  anchor?: string;
}

export function highlighted(text: string, spans: Span[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!];
    const piece = text.slice(start, end);
    const covering = valid.filter((s) => s.start <= start && s.end >= end);
    if (covering.length === 0) {
      fragment.append(piece);
      continue;
    }
    const anchor = covering.find((s) => s.anchor && s.start === start)?.anchor;
    fragment.append(h('mark', { title: covering.map((s) => s.label).join('; '), id: anchor, class: covering.some((s) => s.anchor) ? 'claim-phrase' : 'field-phrase' }, piece));
  }
  return fragment;
}
