// Plain-text reports and the line rules that both formats go through.
import { describe, expect, it } from 'vitest';
import type { RawReport } from '../types.js';
import { cleanReport, createConfiguration } from './index.js';

function text(...lines: string[]): RawReport {
  return { origin: 'test', url: null, title: null, sourceName: null, published: null, format: 'text', content: lines.join('\n') };
}

describe('plain text', () => {
  it('normalises line endings, BOM, control characters and whitespace, one paragraph a line', () => {
    const report = cleanReport(text('\ufeffFirst line\r\n\r\n  Second\tline  \r\nThird\u0007 line\rFourth\u2028Fifth\n\n'));
    expect(report.text).toBe('First line\nSecond line\nThird line\nFourth\nFifth');
  });

  it('defaults metadata without inventing a date', () => {
    expect(cleanReport(text('One line.'))).toMatchObject({ title: null, published: null, language: 'en', captions: [] });
  });
});

describe('a promo block in plain text', () => {
  const report = cleanReport(
    text(
      'Government forces shelled the town of Douma on Sunday, killing at least eight people, rescuers said.',
      'Subscribe to our newsletter',
      'Get the best of our reporting every weekday morning.',
      'Enter your email',
      'The dead included two children, the Syrian Civil Defence said.',
      'Advertisement',
      'Shelling continued into the night.',
      'Read more: Syria’s war in maps',
      'AdvertisementResidents said the power was cut.',
      'By McCain’s count, the ceasefire was broken 40 times.',
      'Free Syrian Army fighters buy weapons from smugglers, a commander said.',
      'Thank you!',
      '"Thank you!" he shouted at the rescuers.',
      'The army said 20 militants were killed in the raid. Click here to subscribe to our newsletter.',
    ),
  );

  it('keeps the news, quotes and short sentences', () => {
    expect(report.text.split('\n')).toEqual([
      'Government forces shelled the town of Douma on Sunday, killing at least eight people, rescuers said.',
      'The dead included two children, the Syrian Civil Defence said.',
      'Shelling continued into the night.',
      'Residents said the power was cut.',
      'By McCain’s count, the ceasefire was broken 40 times.',
      'Free Syrian Army fighters buy weapons from smugglers, a commander said.',
      '"Thank you!" he shouted at the rescuers.',
      'The army said 20 militants were killed in the raid.',
    ]);
  });

  it('records each removal with its rule', () => {
    expect(report.removed).toEqual([
      { text: 'Advertisement', rule: 'PromoLineRule' },
      { text: 'Read more: Syria’s war in maps', rule: 'PromoLineRule' },
      { text: 'Thank you!', rule: 'PromoLineRule' },
      { text: 'Subscribe to our newsletter', rule: 'PromoPhraseRule' },
      { text: 'Enter your email', rule: 'PromoPhraseRule' },
      { text: 'Click here to subscribe to our newsletter.', rule: 'PromoPhraseRule' },
      { text: 'Get the best of our reporting every weekday morning.', rule: 'PromoBlockRule' },
      { text: 'Advertisement', rule: 'GluedPromoRule' },
    ]);
  });
});

describe('MarketingShapeRule', () => {
  it('removes short lines that sell to the reader, keeps questions and news that merely say "you"', () => {
    const report = cleanReport(
      text(
        'Download our free app for your phone',
        'Unlock exclusive insights for your business today',
        'Q: How do you prioritize your day?',
        'If you see anything suspicious, call the police, the ministry said.',
      ),
    );
    expect(report.removed.map((removal) => removal.rule)).toEqual(['MarketingShapeRule', 'MarketingShapeRule']);
    expect(report.text).toBe(
      'Q: How do you prioritize your day?\nIf you see anything suspicious, call the police, the ministry said.',
    );
  });
});

describe('GluedPromoRule', () => {
  it('cuts a "By <Brand>" credit only right after a removed promo block', () => {
    const afterPromo = cleanReport(text('Download a free sample', 'By Acme AnalyticsThe army said 12 soldiers died.'));
    expect(afterPromo.text).toBe('The army said 12 soldiers died.');
    expect(afterPromo.removed).toContainEqual({ text: 'By Acme Analytics', rule: 'GluedPromoRule' });

    const inNews = cleanReport(text('The army said 12 soldiers died.', 'By Acme AnalyticsThe figure rose.'));
    expect(inNews.text).toBe('The army said 12 soldiers died.\nBy Acme AnalyticsThe figure rose.');
  });

  it('cuts a camel-case brand after the part the promo block already named', () => {
    const report = cleanReport(text('Reports powered by NewsDataHub.', 'By NewsDataHubAleppo was quiet on Friday.'));
    expect(report.text).toBe('Aleppo was quiet on Friday.');
  });
});

describe('CaptionRule', () => {
  const report = cleanReport(
    text(
      'Photo: Reuters',
      'Picture: AFP',
      'Credit: Getty Images',
      'Smoke rises over Raqqa, November 25, 2014. REUTERS/Stringer',
      'A boy walks past a destroyed building in Douma. (AP Photo/Hassan Ammar)',
      '(Photo by Delil Souleiman/AFP via Getty Images)',
      'A damaged school in Idlib. Photograph: Omar Haj Kadour/AFP',
      'The photo was taken by a Reuters photographer on Monday.',
      'Reuters reported that 12 people were killed (citing local officials).',
    ),
  );

  it('moves captions and credits out of the text', () => {
    expect(report.captions).toHaveLength(7);
    expect(report.captions).toContain('Smoke rises over Raqqa, November 25, 2014. REUTERS/Stringer');
  });

  it('keeps news that mentions photos or agencies', () => {
    expect(report.text).toBe(
      'The photo was taken by a Reuters photographer on Monday.\nReuters reported that 12 people were killed (citing local officials).',
    );
  });
});

describe('configuration', () => {
  it('lists the rules in the order they run', () => {
    const { elementRules, lineRules } = createConfiguration();
    expect(elementRules.map((rule) => rule.name)).toEqual([
      'FurnitureTagRule',
      'HiddenElementRule',
      'FurnitureClassRule',
      'CaptionElementRule',
    ]);
    expect(lineRules.map((rule) => rule.name)).toEqual([
      'CaptionRule',
      'PromoLineRule',
      'PromoPhraseRule',
      'MarketingShapeRule',
      'PromoBlockRule',
      'GluedPromoRule',
    ]);
  });
});
