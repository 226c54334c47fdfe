// Super-linear text paths (issue 12, failure 4): each of these inputs took minutes, on the main
// thread, because some step cost the square of its length. Each phase now costs time in
// proportion to its input; the test timeout (a minute, for work of a few seconds) is the bound.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.js';
import { splitSentences } from '../src/extract/sentences.js';
import { analyse } from '../src/pipeline/index.js';

describe('linear time on hostile text', () => {
  it('splits sentences after long words and runs of full stops (the old abbreviation check read the whole line before each)', () => {
    expect(splitSentences('ab.Cd'.repeat(100_000))).toHaveLength(100_001);
    expect(splitSentences(`${'x'.repeat(80_000)} Two people were killed. ${'.'.repeat(200_000)}`).length).toBeGreaterThan(80);
    expect(splitSentences('U.S. forces and Gen. Smith arrived. Then they left.').map((s) => s.text)).toEqual(['U.S. forces and Gen. Smith arrived.', 'Then they left.']);
  });

  it('reads a stretch with no sentence end in pieces of at most 1,000 characters', () => {
    const sentences = splitSentences('two '.repeat(32_000));
    expect(Math.max(...sentences.map((s) => s.text.length))).toBeLessThanOrEqual(1000);
    expect(sentences.map((s) => s.text).join(' ')).toBe('two '.repeat(32_000).trim());
    expect(extract('two '.repeat(32_000), { published: '2020-01-01' }).incidents).toEqual([]);
  });

  it('geocodes an incident of a long report from the text around it, with offsets into the whole text', () => {
    const filler = 'The weather in Paris was mild and the markets in Lyon were calm.\n'.repeat(600);
    const text = `${filler}\nThree civilians were killed in shelling on Aleppo on Monday, officials said.\n${filler}`;
    expect(text.length).toBeGreaterThan(64_000);
    const { report, drafts } = analyse({ origin: 'long', url: null, title: null, sourceName: null, published: '2020-06-01', format: 'text', content: text });
    const aleppo = drafts.find((d) => d.place?.name === 'Aleppo');
    expect(aleppo).toBeDefined();
    for (const evidence of aleppo!.evidence.location ?? []) expect(report.text.slice(evidence.start, evidence.end)).toBe(evidence.text);
  });
});
