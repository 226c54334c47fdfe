import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

describe('splitSentences', () => {
  it('splits on terminal punctuation and keeps offsets into the text', () => {
    const text = 'Two were killed. Gen. Smith said the U.S. Army left.\n"We are sure." Dr. Lee agreed.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['Two were killed.', 'Gen. Smith said the U.S. Army left.', '"We are sure."', 'Dr. Lee agreed.']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1, 1]);
  });

  it('splits where the space after a full stop was left out, but not inside abbreviations', () => {
    const text = 'A guard died last night.The driver died later. Troops of the U.S.Army left.';
    expect(splitSentences(text).map((s) => s.text)).toEqual(['A guard died last night.', 'The driver died later.', 'Troops of the U.S.Army left.']);
  });

  it('does not split after an initial', () => {
    expect(splitSentences('George W. Bush spoke.')).toHaveLength(1);
  });
});
