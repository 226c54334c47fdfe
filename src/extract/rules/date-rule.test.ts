// The date rule on the forms news and coders write: resolved against the publication date.
import { describe, expect, it } from 'vitest';
import { find } from '../index.js';

const datesIn = (text: string, published = '2015-01-09') => find(text, { published }).dates.map((d) => [d.date, d.precision]);

describe('DateRule', () => {
  it('resolves days, weekdays and relative words against the publication date', () => {
    expect(datesIn('On 25 November 2014, jets struck.')).toEqual([['2014-11-25', 1]]);
    expect(datesIn('Gunmen attacked the post on Tuesday.')).toEqual([['2015-01-06', 1]]);
    expect(datesIn('A bomb exploded yesterday.')).toEqual([['2015-01-08', 1]]);
  });

  it('reads "Jan 08" as the eighth of January, not as 2008', () => {
    expect(datesIn('Jan 08, CMEV reported an explosion.')).toEqual([['2015-01-08', 1]]);
    expect(datesIn('Bombs exploded near Bangabazar on January 14 evening.', '2015-01-16')).toEqual([['2015-01-14', 1]]);
  });

  it('takes a month-and-day after the publication date as last year', () => {
    expect(datesIn('Jets struck on December 30.')).toEqual([['2014-12-30', 1]]);
  });

  it('takes a weekday after the publication day as last week\'s, not last year\'s', () => {
    expect(datesIn('Gunmen attacked the post on Saturday.')).toEqual([['2015-01-03', 1]]);
  });

  it('does not read lower-case words as months or weekdays', () => {
    expect(datesIn('Students began a protest march in Mandalay.')).toEqual([]);
    expect(datesIn('Students resumed their march, entering Waw Township.')).toEqual([]);
    expect(datesIn('Activists unfurled a banner in the sun.')).toEqual([]);
  });

  it('prefers a stated day to a relative one in the same sentence', () => {
    expect(datesIn('Troops shot a youth in Sopore today (07/01).')[0]).toEqual(['2015-01-07', 1]);
  });

  it('reads a month as a time only after a word of time, not as an adjective', () => {
    expect(datesIn('Clashes continued in June.', '2015-07-09')).toEqual([['2015-06-01', 3]]);
    expect(datesIn('Workers went on strike over June salaries.', '2015-07-09')).toEqual([]);
    expect(datesIn('They were released after 5 days in captivity.')).toEqual([]);
  });

  it('skips a dateline, which dates the report', () => {
    expect(datesIn('Sunamganj, Jan 2 (UNB) Over 50 people were injured.')).toEqual([]);
  });

  it('marks the day something was said, not done', () => {
    const said = (text: string) => find(text, { published: '2015-01-09' }).dates.map((d) => [d.evidence.text, d.said]);
    expect(said('Two militants were killed, police said on Tuesday.')).toEqual([['on Tuesday', true]]);
    expect(said('In a statement on Wednesday, the army said a rebel was killed.')).toEqual([['on Wednesday,', true]]);
    expect(said('A rebel was killed on Wednesday, the army said.')).toEqual([['on Wednesday,', false]]);
    expect(said('Confirming the attack on Monday, the spokesman said two officers were killed.')).toEqual([['on Monday,', true]]);
  });

  it('reads "Wednesday, September 21" as the stated day, first', () => {
    expect(datesIn('He was killed on Wednesday, September 21, in Qaemshahr.', '2022-10-02')[0]).toEqual(['2022-09-21', 1]);
  });

  it('takes a date inside what a source told for the event, not a day of saying', () => {
    const said = find('Local sources told the agency that last night gunmen shot a young man.', { published: '2015-01-09' }).dates.map((d) => [d.date, d.said]);
    expect(said).toEqual([['2015-01-08', false]]);
  });

  it('does not read words that place no day as dates', () => {
    expect(datesIn('Clashes took place at Let Mon village.')).toEqual([]);
    expect(datesIn('He died the next day.')).toEqual([]);
    expect(datesIn('The group now holds six districts.')).toEqual([]);
  });
});

