import fc from 'fast-check';
import { Parser, type Handler } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { linearParser } from './html-parser.js';

/** Every event a parser emits, in order. */
function events(make: (handler: Partial<Handler>) => Parser, input: string): string[] {
  const seen: string[] = [];
  const parser = make({
    onopentag: (name, attribs) => seen.push(`<${name} ${JSON.stringify(attribs)}>`),
    onclosetag: (name, implied) => seen.push(`</${name}${implied ? ' implied' : ''}>`),
    ontext: (text) => seen.push(text),
  });
  parser.end(input);
  return seen;
}

const tag = fc.constantFrom('p', 'div', 'b', 'li', 'ul', 'table', 'tr', 'td', 'svg', 'math', 'title', 'mi', 'foreignObject', 'br', 'img', 'select', 'option', 'item', 'x');
const token = fc.oneof(
  tag.map((t) => `<${t}>`),
  tag.map((t) => `</${t}>`),
  tag.map((t) => `<${t}/>`),
  fc.constantFrom('text', ' ', '&amp;', '<!-- c -->', '<![CDATA[x]]>'),
);
const soup = fc.array(token, { maxLength: 60 }).map((tokens) => tokens.join(''));

describe('linearParser', () => {
  for (const xmlMode of [false, true]) {
    it(`emits exactly what htmlparser2's Parser emits (${xmlMode ? 'XML' : 'HTML'} mode)`, () => {
      fc.assert(
        fc.property(soup, (input) => {
          expect(events((h) => linearParser(h, { xmlMode }), input)).toEqual(events((h) => new Parser(h, { xmlMode }), input));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('parses 200,000 unclosed tags and as many stray close tags', () => {
    const closes = events((h) => linearParser(h), `${'<div>'.repeat(200_000)}${'</span>'.repeat(200_000)}`).filter((e) => e.startsWith('</div'));
    expect(closes).toHaveLength(200_000);
  });
});
