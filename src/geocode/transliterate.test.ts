import { describe, expect, it } from 'vitest';
import { soundKey } from './normalize.js';
import { latinSpellings } from './transliterate.js';

describe('Cyrillic names in Latin letters', () => {
  it('spells a name by the Ukrainian and the Russian system', () => {
    expect(latinSpellings('Доломітне')).toEqual(['dolomitne']);
    expect(latinSpellings('Горлівка')).toEqual(['horlivka', 'gorlivka']);
    expect(latinSpellings('Доломитное')).toContain('dolomitnoe');
  });

  it('writes a soft sign before o as "yo", as news spelling does', () => {
    expect(latinSpellings('Верхньоторецьке')[0]).toBe('verkhnyotoretske');
  });

  it('meets the news spelling through the sound key', () => {
    expect(latinSpellings('Доломітне').map(soundKey)).toContain(soundKey('Dolomytne'));
    expect(latinSpellings('Кам’янка').map(soundKey)).toContain(soundKey('Kamianka'));
  });

  it('leaves Latin names as they are', () => {
    expect(latinSpellings('Raqqa')).toEqual(['Raqqa']);
  });
});
