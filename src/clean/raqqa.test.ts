// The canonical example: a real news page as text, with a sales block glued into it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanReport } from './index.js';

const content = readFileSync(new URL('../../samples/raqqa-airstrikes-2014-11-25.txt', import.meta.url), 'utf8');
const report = cleanReport({
  origin: 'samples/raqqa-airstrikes-2014-11-25.txt',
  url: null,
  title: null,
  sourceName: null,
  published: '2014-11-26',
  format: 'text',
  content,
});

// From the expected coding's clean_text (copied: tests must not depend on /work/shared).
const mustRemove = [
  'How well do you really know your competitors?',
  'Access the most comprehensive Company Profiles on the market, powered by GlobalData.',
  'Thank you!',
  'Your download email will arrive shortly',
  'Not ready to buy yet? Download a free sample',
  'We are confident about the unique quality of our Company Profiles.',
  'By GlobalData',
];
const mustKeep = [
  'At least 63 people, including 36 civilians, have been killed',
  'Raqqa is Being Silently Slaughtered group spokesman Abu Ibrahim al-Raqqawi told International Business Times',
  'a US official has confirmed to Reuters that the coalition did not carry out any air strikes on the city in the last 24 hours',
];
const caption = 'Image: The Syrian Government airstrikes targeted Ar-Raqqa Museum. Photo: courtesy of Amir Syria.';

describe('raqqa-airstrikes-2014-11-25.txt', () => {
  it.each(mustRemove)('removes %j', (text) => {
    expect(report.text).not.toContain(text);
  });

  it.each(mustKeep)('keeps %j', (text) => {
    expect(report.text).toContain(text);
  });

  it('cuts the glued credit and keeps the sentence it was glued to', () => {
    const lines = report.text.split('\n');
    expect(lines).toContain(
      'Raqqa is Being Silently Slaughtered group spokesman Abu Ibrahim al-Raqqawi told International Business Times: "There are cases of amputation of hands and legs and dozens of charred bodies.',
    );
    expect(report.removed).toContainEqual({ text: 'By GlobalData', rule: 'GluedPromoRule' });
  });

  it('moves the closing image line to captions', () => {
    expect(report.captions).toEqual([caption]);
    expect(report.text).not.toContain('Photo: courtesy of Amir Syria');
  });

  it('keeps every news paragraph, quotes and short sentences included', () => {
    expect(report.text.split('\n')).toHaveLength(14);
    expect(report.text).toContain('"Many of the bodies were fragmented.');
    expect(report.text).toContain('And on the ground, ISIS kills you."');
    expect(report.text.endsWith('promised by the US.')).toBe(true);
  });

  it('names the rule behind every removal', () => {
    expect(report.removed.map((removal) => removal.rule).sort()).toEqual([
      'CaptionRule',
      'GluedPromoRule',
      'MarketingShapeRule',
      'PromoLineRule',
      'PromoPhraseRule',
      'PromoPhraseRule',
      'PromoPhraseRule',
      'PromoPhraseRule',
    ]);
  });

  it('gives text metadata only from the text itself', () => {
    expect(report).toMatchObject({ title: null, published: null, language: 'en' });
  });
});
