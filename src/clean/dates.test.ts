import { describe, expect, it } from 'vitest';
import { toIsoDate } from './dates.js';

describe('toIsoDate', () => {
  it.each([
    ['2014-11-26T10:00:00Z', '2014-11-26'],
    ['2014-11-26T01:30:00+05:00', '2014-11-26'], // as written, no time-zone shift
    ['2014/11/26', '2014-11-26'],
    ['20141126', '2014-11-26'],
    ['26 November 2014', '2014-11-26'],
    ['Wed, 26 Nov 2014 08:00:00 GMT', '2014-11-26'],
    ['Nov. 26th, 2014', '2014-11-26'],
    ['01:38:07 PM IST Nov 20, 2019', '2019-11-20'],
  ])('reads %j', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it.each(['', 'yesterday', '2014-02-30', '0001-01-01T00:00:00Z', '2014-13-01', '12345'])('rejects %j', (input) => {
    expect(toIsoDate(input)).toBeNull();
  });
});
