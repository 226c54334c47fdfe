// The clean stage: a raw report in, the text other stages read (and point offsets into) out.
import type { CleanReport, RawReport } from '../types.js';
import { createConfiguration, type CleanConfiguration } from './configuration.js';
import { cleanHtml } from './html.js';
import { LineState } from './rules/types.js';
import { splitLines } from './text.js';

export { createConfiguration, type CleanConfiguration } from './configuration.js';

const DEFAULT_LANGUAGE = 'en';
let defaultConfiguration: CleanConfiguration | undefined;

/**
 * Cleans one report. HTML loses its page furniture and keeps its main content, one paragraph a line;
 * text is taken line by line. Then the line rules remove promo text and move captions out, for both.
 * The result is deterministic: the same input always gives the same `text`.
 */
export function cleanReport(raw: RawReport, configuration?: CleanConfiguration): CleanReport {
  defaultConfiguration ??= createConfiguration();
  const { elementRules, lineRules } = configuration ?? defaultConfiguration;
  const page =
    raw.format === 'html'
      ? cleanHtml(raw.content, elementRules)
      : { title: null, published: null, language: DEFAULT_LANGUAGE, lines: splitLines(raw.content), captions: [], removed: [] };

  const state = new LineState(page.lines);
  for (const rule of lineRules) rule.apply(state);
  return {
    text: state.kept.map((line) => line.text).join('\n'),
    title: page.title,
    published: page.published,
    captions: [...page.captions, ...state.captions],
    language: page.language,
    removed: [...page.removed, ...state.removed],
  };
}
