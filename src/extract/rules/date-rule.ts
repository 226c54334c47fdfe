import * as chrono from 'chrono-node';
import type { TimePrecision } from '../../types.js';
import type { Sentence } from '../sentences.js';
import type { DateFinding } from '../types.js';

// Day-first: world news writes 27/06 for 27 June.
const parser = chrono.en.GB;
/** Cheap test before the parser runs: a digit, a month, a weekday or a relative day word. */
const MAY_HOLD_A_DATE = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|today|tonight|last|this|earlier|week|month)/i;
/** A month or weekday name alone: written in lower case it is a word ("a protest march", "the sun."), not a date. */
const BARE_CALENDAR_WORD = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)[.,;:]?$/;
/** "Jan 08", "January 14 evening": a month and a day, which chrono-node may read as a month and a year. */
const MONTH_DAY = /^[A-Za-z]{3,9}\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?![\s,]*\d{4})/;
/** Words that make a month a time ("in June", "since March", "early May", "of January 2015"). */
const MONTH_AS_TIME_BEFORE = /\b(?:in|during|since|early|late|mid|last|this|of|by|until|till|from|through|throughout|between|and|to)[\s-]+$/i;
/**
 * A date of saying, not of the event: "police said on Tuesday", "told Reuters on Monday", "In a
 * statement on Wednesday,", "as of Sunday", "Confirming the attack on Monday,".
 */
const SAID_BEFORE =
  /(?:\b(?:said|says|told\b(?:(?!\bthat\b)[^,.;"“”]){0,40}?|announced|reported|confirmed|stated|added|claimed|disclosed|revealed|noted|declared|informed\b(?:(?!\bthat\b)[^,.;"“”]){0,30}?|explained|warned|tweeted|wrote|quoted)\s+(?:(?:on|late|early|in|this|last)\s+)*|\b(?:confirming|announcing|reporting|denying|claiming)\s+(?:the|an?|its|this)\s+(?:[\w-]+\s+){0,3}?(?:on\s+)?|\bin (?:a|an|its|his|her|their) (?:[\w-]+\s+)?(?:statement|interview|report|press release|press conference|briefing|post|tweet|message)\b[^,.;]{0,40}?\s|\bas of\s+)$/i;
/** Words chrono-node reads as days that date nothing a reader could place: "now", "the next day" (after what?), "in the day". */
const NOT_A_DAY = /^(?:now|right now|until now|(?:the\s+)?next day|(?:the\s+)?following day|in the day|during the day|a day (?:later|after)|the day after)[.,;]?$/i;
/** A dateline ("Sunamganj, Jan 2 (UNB)"): the date of the report, not of the event. */
const DATELINE_AFTER = /^\s*(?:\([A-Z][\w.]*\)|[-–—:])/;

/**
 * Dates in a sentence, resolved against the publication date by chrono-node. A day gives
 * precision 1, a week phrase 2, a month 3. Without a publication date only dates that carry
 * their own year count: "on Tuesday" cannot be placed, and today's date is never assumed.
 */
export class DateRule {
  readonly name = 'DateRule';

  apply(sentence: Sentence, published: string | null): DateFinding[] {
    if (!MAY_HOLD_A_DATE.test(sentence.text)) return [];
    const reference = published ? new Date(`${published}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
    const found: Array<DateFinding & { explicit: boolean }> = [];
    for (const result of parser.parse(sentence.text, reference, { forwardDate: false })) {
      if (/\b(?:hours?|minutes?|seconds?)\b/i.test(result.text) || BARE_CALENDAR_WORD.test(result.text) || NOT_A_DAY.test(result.text.trim())) continue;
      // "Let Mon village", "Sat": a weekday's abbreviation alone is a name, unless a date follows it ("Sat, June 4").
      if (/^(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)$/.test(result.text.trim()) && !/^[.,]?\s*\d/.test(sentence.text.slice(result.index + result.text.length))) continue;
      if (sentence.index === 0 && result.index < 40 && DATELINE_AFTER.test(sentence.text.slice(result.index + result.text.length))) continue;
      const start = result.start;
      const monthDay = start.isCertain('month') ? MONTH_DAY.exec(result.text) : null;
      const precision = monthDay ? 1 : precisionOf(result.text, start);
      if (!precision) continue;
      // "June salaries", "the January wage increase": a month used as an adjective dates nothing.
      if (precision === 3 && !MONTH_AS_TIME_BEFORE.test(sentence.text.slice(Math.max(0, result.index - 16), result.index))) continue;
      // "released after 5 days": a duration, not a date.
      if (/^after\s+\d+\s+days?\b/i.test(result.text)) continue;
      // "Jan 08": chrono-node reads the day as a year (2008); the year is the publication's.
      const yearCertain = start.isCertain('year') && !monthDay;
      if (!published && !yearCertain) continue;
      let date = monthDay ? new Date(Date.UTC(reference.getUTCFullYear(), (start.get('month') as number) - 1, Number(monthDay[1]), 12)) : start.date();
      // A weekday after the publication day is last week's; a day of the year after it (a day's slack for time zones) is last year's.
      const weekdayOnly = start.isCertain('weekday') && !start.isCertain('day');
      if (published && weekdayOnly && date.getTime() > reference.getTime()) date = new Date(date.getTime() - 7 * 86_400_000);
      if (published && date.getTime() > reference.getTime() + 86_400_000 && !yearCertain) {
        date = new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate(), 12));
      }
      if (published && date.getTime() > reference.getTime() + 86_400_000) continue;
      found.push({
        explicit: /\d/.test(result.text) && (monthDay !== null || (start.isCertain('day') && start.isCertain('month'))),
        said: SAID_BEFORE.test(sentence.text.slice(Math.max(0, result.index - 80), result.index)),
        date: date.toISOString().slice(0, 10),
        precision,
        evidence: { start: sentence.start + result.index, end: sentence.start + result.index + result.text.length, text: result.text, rule: this.name },
        sentence,
      });
    }
    // A stated day ("17/01") says more than a relative one ("today") in the same sentence.
    return found.sort((a, b) => Number(b.explicit) - Number(a.explicit)).map(({ explicit: _, ...finding }) => finding);
  }
}

function precisionOf(text: string, start: chrono.ParsedComponents): TimePrecision | null {
  if (/\bweek\b/i.test(text)) return 2;
  if (start.isCertain('day') || start.isCertain('weekday') || /\b(?:yesterday|today|tonight|last night|this morning)\b/i.test(text)) return 1;
  if (start.isCertain('month')) return 3;
  return null;
}
