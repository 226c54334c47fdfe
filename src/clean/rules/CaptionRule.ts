import { loadList } from '../lexicon.js';
import { wordsOf } from '../text.js';
import type { LineRule, LineState } from './types.js';

/** Captions are one or two sentences; a longer line that ends with a credit is a paragraph quoting one. */
const MAX_CAPTION_WORDS = 60;
/** "Photo: courtesy of Amir Syria." is a credit; a label followed by a long clause is not. */
const MAX_CREDIT_WORDS = 8;

function alternatives(entries: readonly string[]): string {
  return entries.map((entry) => entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|');
}

/**
 * Moves image captions and credits to `captions`: "Image: ...", "Photo: ...", a closing "Photo: courtesy of X.",
 * "(Photo by X/Getty Images)", "... REUTERS/Stringer" (caption-labels.txt, photo-agencies.txt).
 */
export class CaptionRule implements LineRule {
  readonly name = 'CaptionRule';
  private readonly opening: RegExp;
  private readonly closing: RegExp[];

  constructor() {
    const label = `(?:${alternatives(loadList('caption-labels.txt'))})`;
    const agency = `(?:${alternatives(loadList('photo-agencies.txt'))})`;
    this.opening = new RegExp(`^[(\\[]?${label}\\s*:`, 'i');
    this.closing = [
      // "... Photo: courtesy of Amir Syria."
      new RegExp(`(?:^|\\s)${label}\\s*:\\s*\\S+(?:\\s+\\S+){0,${MAX_CREDIT_WORDS - 1}}$`, 'i'),
      // "(Photo by Delil Souleiman/AFP via Getty Images)", "(AP Photo/Hussein Malla)", "(Reuters/Stringer)"
      new RegExp(`\\((?:[^()]*\\b${label}\\b[^()]*|[^()]*\\b${agency}\\s*/[^()]*|[^()]*/\\s*${agency}\\b[^()]*)\\)\\.?$`, 'i'),
      // "... in Raqqa, November 25, 2014. REUTERS/Stringer"
      new RegExp(`\\b${agency}\\s*/\\s*[\\p{Lu}][\\p{L}.'’-]*(?:\\s+[\\p{Lu}][\\p{L}.'’-]*){0,3}$`, 'iu'),
    ];
  }

  apply(state: LineState): void {
    for (const line of state.kept) {
      const isCaption =
        this.opening.test(line.text) ||
        (wordsOf(line.text).length <= MAX_CAPTION_WORDS && this.closing.some((pattern) => pattern.test(line.text)));
      if (isCaption) state.moveToCaptions(line, this.name);
    }
  }
}
