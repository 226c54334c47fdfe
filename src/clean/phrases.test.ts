import { describe, expect, it } from 'vitest';
import { loadList } from './lexicon.js';
import { anyPhrasePattern, wholeLinePattern } from './phrases.js';

describe('lexicon files', () => {
  it('drop comments and blank lines', () => {
    const tags = loadList('furniture-tags.txt');
    expect(tags).toContain('script');
    expect(tags.some((entry) => entry.includes('#') || entry.trim() !== entry || entry === '')).toBe(false);
  });
});

describe('phrase syntax', () => {
  it('matches words case-insensitively and on word boundaries', () => {
    const pattern = anyPhrasePattern(['free sample']);
    expect(pattern.test('Download a FREE SAMPLE today')).toBe(true);
    expect(pattern.test('free samples')).toBe(false);
  });

  it('requires capitals for <Name>, digits for <n>', () => {
    const pattern = anyPhrasePattern(['powered by <Name>', '<n> comments']);
    expect(pattern.test('Profiles powered by GlobalData.')).toBe(true);
    expect(pattern.test('drones powered by batteries')).toBe(false);
    expect(pattern.test('12 Comments')).toBe(true);
  });

  it('matches whole lines give or take punctuation, with "..." for any rest', () => {
    const pattern = wholeLinePattern(['thank you!', 'read more: ...']);
    expect(pattern.test('— Thank you! —')).toBe(true);
    expect(pattern.test('Thank you for coming')).toBe(false);
    expect(pattern.test('READ MORE: Syria war in maps')).toBe(true);
  });
});
