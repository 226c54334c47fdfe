import { describe, expect, it } from 'vitest';
import { dataLines, dataRows, parseDataRows } from './data-file.js';

describe('data files', () => {
  it('drops comments and blank lines and splits entries into trimmed fields', () => {
    const text = '# a comment\n\nRaqqa\tSY\t# trailing comment\nAleppo | SY | 2  # why\n  # indented comment\nfoo#bar';
    expect(parseDataRows(text, 'tab')).toEqual([['Raqqa', 'SY'], ['Aleppo | SY | 2'], ['foo#bar']]);
    expect(parseDataRows(text, 'pipe')).toEqual([['Raqqa\tSY'], ['Aleppo', 'SY', '2'], ['foo#bar']]);
    expect(parseDataRows('a\r\nb\r\n', 'none')).toEqual([['a'], ['b']]);
  });

  it('keeps empty fields inside a TAB-separated entry', () => {
    expect(parseDataRows('AD\tAndorra\t\tAndorran', 'tab')).toEqual([['AD', 'Andorra', '', 'Andorran']]);
  });

  it('reads the files under data/, every stage the same way', () => {
    expect(dataRows('geocode/countries.tsv', 'tab').find(([code]) => code === 'SY')?.[1]).toBe('Syria');
    expect(dataRows('eval/legacy-event-types.txt', 'pipe')[0]).toEqual(['Remote violence', 'Explosions/Remote violence', '-']);
    expect(dataLines('clean/furniture-tags.txt')).toContain('nav');
  });
});
