// The article-extraction score: the same tokenisation for every extractor, multiset overlap.
import { expect, it } from 'vitest';
import { tokens, tokenScores } from '../../src/eval/articles.js';

it('tokenises letters, marks and digits, case- and width-folded', () => {
  expect(tokens('Ｔhe 3 killed, al-Raqqa’s — قتل')).toEqual(['the', '3', 'killed', 'al', 'raqqa', 's', 'قتل']);
});

it('scores precision and recall over token multisets', () => {
  expect(tokenScores('the the cat', 'the cat sat')).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 });
  expect(tokenScores('', 'gold text')).toEqual({ precision: 0, recall: 0, f1: 0 });
});
