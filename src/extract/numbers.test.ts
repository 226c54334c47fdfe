import { describe, expect, it } from 'vitest';
import { NUMBER, parseNumber } from './numbers.js';

const whole = new RegExp(`^${NUMBER}$`, 'i');

describe('parseNumber', () => {
  it.each([
    ['63', 63, 63, 'exact'],
    ['1,200', 1200, 1200, 'exact'],
    ['at least 63', 63, 63, 'at_least'],
    ['more than 10', 10, 10, 'at_least'],
    ['up to 20', 20, 20, 'at_most'],
    ['around 30', 30, 30, 'about'],
    ['ten', 10, 10, 'exact'],
    ['twenty-three', 23, 23, 'exact'],
    ['two hundred and five', 205, 205, 'exact'],
    ['a dozen', 12, 12, 'exact'],
    ['two dozen', 24, 24, 'exact'],
    ['dozens', 12, 12, 'vague'],
    ['hundreds', 100, 100, 'vague'],
    ['between 10 and 15', 10, 15, 'range'],
    ['10 to 15', 10, 15, 'range'],
    ['10-15', 10, 15, 'range'],
    ['at least ten', 10, 10, 'at_least'],
  ])('%s', (text, low, high, qualifier) => {
    expect(whole.test(text)).toBe(true);
    expect(parseNumber(text)).toMatchObject({ low, high, qualifier });
  });

  it('keeps the vague word', () => {
    expect(parseNumber('dozens')?.vagueWord).toBe('dozens');
  });

  it('returns null for text without a figure', () => {
    expect(parseNumber('people')).toBeNull();
  });
});
