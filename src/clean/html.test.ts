// HTML cleaning on small hand-written pages (test/fixtures/clean/) and on generated garbage.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RawReport } from '../types.js';
import { cleanReport } from './index.js';

function html(content: string): RawReport {
  return { origin: 'test', url: null, title: null, sourceName: null, published: null, format: 'html', content };
}

function fixture(name: string): RawReport {
  return html(readFileSync(new URL(`../../test/fixtures/clean/${name}`, import.meta.url), 'utf8'));
}

describe('a news page with furniture (article-page.html)', () => {
  const report = cleanReport(fixture('article-page.html'));
  const lines = report.text.split('\n');

  it('keeps the article body, one paragraph a line', () => {
    expect(lines).toEqual([
      'At least 12 people were killed on Tuesday when airstrikes hit a crowded market in the town of Maarat al-Numan, a monitor said.',
      'The Syrian Observatory for Human Rights said the dead included three children, and that the toll was likely to rise.',
      '“We pulled out four bodies with our own hands,” said a civil defence volunteer & medic, who asked not to be named.',
      'Many of the bodies were fragmented.',
      'Residents said the strikes came in two waves, about ten minutes apart: first on the vegetable stalls, then on the rescuers.',
    ]);
  });

  it('drops navigation, cookie banner, share bar, sidebar, newsletter, related stories and footer', () => {
    for (const furniture of ['Middle East', 'cookies', 'Share on Facebook', 'Most read', 'newsletter', 'Aleppo', 'Privacy']) {
      expect(report.text).not.toContain(furniture);
    }
    const rules = new Map(report.removed.map((removal) => [removal.text, removal.rule]));
    expect(rules.get('We use cookies to improve your experience. Accept all')).toBe('FurnitureClassRule');
    expect(rules.get('Example News\nWorld\nMiddle East')).toBe('FurnitureTagRule');
    expect(rules.get('Related\nEarlier this week, shelling killed five people in Aleppo province, officials said.')).toBe(
      'FurnitureClassRule',
    );
  });

  it('never lets script or style text through', () => {
    expect(report.text).not.toMatch(/MUST_NOT_APPEAR|window\.|color:/);
    expect(report.captions.join(' ')).not.toContain('MUST_NOT_APPEAR');
  });

  it('moves the figure caption to captions', () => {
    expect(report.captions).toEqual(['Rescue workers search the rubble of the market. Photo: White Helmets']);
    expect(report.text).not.toContain('Rescue workers');
  });

  it('removes a stray "Advertisement" paragraph by its words', () => {
    expect(report.removed).toContainEqual({ text: 'Advertisement', rule: 'PromoLineRule' });
  });

  it('reads title (site name stripped), published date (not the modified one) and language', () => {
    expect(report.title).toBe('Airstrikes kill 12 in Idlib market');
    expect(report.published).toBe('2019-03-05');
    expect(report.language).toBe('en');
  });
});

describe('a page dated in JSON-LD (jsonld-date.html)', () => {
  const report = cleanReport(fixture('jsonld-date.html'));

  it('takes datePublished of the article object, not the page object, despite a broken block before it', () => {
    expect(report.published).toBe('2020-05-02');
  });

  it('trims the " - Site" suffix from <title>', () => {
    expect(report.title).toBe('Clashes in Tripoli leave 9 dead');
  });

  it('chooses the block with the most paragraph text when there is no <article>', () => {
    expect(report.text.split('\n')).toHaveLength(3);
    expect(report.text).toContain('Two of the dead were civilians, according to a local hospital.');
    expect(report.text).not.toContain('Other story');
    expect(report.removed).toContainEqual({
      text: 'Other story one with a long enough headline here Other story two with a long enough headline here',
      rule: 'MainContentRule',
    });
  });
});

describe('a page dated by <time> (time-date.html)', () => {
  const report = cleanReport(fixture('time-date.html'));

  it('takes <time datetime> inside the story, not in a teaser', () => {
    expect(report.published).toBe('2021-08-09');
  });

  it('falls back to the first <h1> for the title, whitespace collapsed', () => {
    expect(report.title).toBe('Attaque contre une patrouille au nord du Mali');
  });

  it('reads the language from <html lang>', () => {
    expect(report.language).toBe('fr');
  });

  it('keeps the fullest <article> and its short paragraph', () => {
    expect(report.text).toContain("L'attaque n'a pas été revendiquée dans l'immédiat.");
    expect(report.text).not.toContain('Un autre article');
  });
});

describe('malformed HTML (malformed.html)', () => {
  const report = cleanReport(fixture('malformed.html'));

  it('keeps the text of unclosed and misnested paragraphs', () => {
    expect(report.text.split('\n').slice(0, 2)).toEqual([
      'Gunmen killed six villagers',
      'in an overnight raid on Kaduna state, police said.',
    ]);
    expect(report.text).toContain('A police spokesman said an investigation was under way.');
    expect(report.text).toContain('Deeply nested note about the curfew.');
  });

  it('does not leak a script that contains markup in a string', () => {
    expect(report.text).not.toContain('SCRIPT_STRING_MUST_NOT_APPEAR');
  });

  it('reads no date rather than inventing one', () => {
    expect(report.published).toBeNull();
    expect(report.title).toBe('Broken page');
  });
});

describe('inline text and entities', () => {
  it('joins inline elements as a browser would and decodes entities', () => {
    const report = cleanReport(
      html('<p>Al-<b>Hani</b> mosque &amp; the&nbsp;market, <i>two</i> <em>sites</em> &#8212; &quot;hit&quot;</p><p>x<br>y</p>'),
    );
    expect(report.text).toBe('Al-Hani mosque & the market, two sites — "hit"\nx\ny');
  });

  it('puts table cells of a row on one line', () => {
    const report = cleanReport(html('<table><tr><td>Killed</td><td>12</td></tr><tr><td>Injured</td><td>30</td></tr></table>'));
    expect(report.text).toBe('Killed 12\nInjured 30');
  });
});

describe('garbage input', () => {
  it('cleans a 5 MB page without error', () => {
    const paragraph = '<p>Shelling hit the eastern districts again on Monday, residents and a local monitor said.</p>';
    const furniture = '<div class="related"><a href="/x">Another story</a></div><script>var x = "<p>hidden</p>";</script>';
    const content = `<html><body><article>${(paragraph + furniture).repeat(28_000)}</article></body></html>`;
    expect(content.length).toBeGreaterThan(5_000_000);
    const report = cleanReport(html(content));
    expect(report.text.split('\n')).toHaveLength(28_000);
    expect(report.text).not.toContain('hidden');
  });

  it('survives 50,000 unclosed nested tags', () => {
    const report = cleanReport(html(`${'<div><b>'.repeat(50_000)}Still readable text at the bottom of it all.`));
    expect(report.text).toBe('Still readable text at the bottom of it all.');
  });

  it('survives empty and non-HTML input', () => {
    expect(cleanReport(html('')).text).toBe('');
    // A stray </p> is an empty paragraph, as in browsers.
    expect(cleanReport(html('<<<>>> </p></div> &&& \u0000')).text).toBe('<<<>>>\n&&&');
  });

  it('is deterministic', () => {
    const first = cleanReport(fixture('article-page.html'));
    expect(cleanReport(fixture('article-page.html'))).toEqual(first);
  });
});
