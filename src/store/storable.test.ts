import { describe, expect, it } from 'vitest';
import { storableJson, storableRow, storableText } from './storable.js';

describe('storable text', () => {
  it('replaces NUL and unpaired surrogates with U+FFFD, one unit for one, and keeps pairs', () => {
    expect(storableText('a\u0000b')).toBe('a\ufffdb');
    expect(storableText('x\ud800y\udc00z')).toBe('x\ufffdy\ufffdz');
    expect(storableText('\u{1f600} ok')).toBe('\u{1f600} ok');
    const text = 'bad\u0000 \ud83d';
    expect(storableText(text)).toHaveLength(text.length);
  });

  it('applies to every string of a row and inside JSON', () => {
    expect(storableRow({ a: 'x\u0000', n: 3, none: null })).toEqual({ a: 'x\ufffd', n: 3, none: null });
    expect(storableJson({ evidence: [{ text: 'k\u0000', start: 1 }] })).toBe('{"evidence":[{"text":"k\ufffd","start":1}]}');
  });
});
