// Tolls told without a number, counted by the codebook's convention.
import { describe, expect, it } from 'vitest';
import { extract } from '../extract/index.js';
import { reconcileFigures } from './figures.js';

const claims = (text: string) => extract(text, { published: '2022-06-01' }).claims;

describe('coding conventions', () => {
  it("counts vague words as ACLED does by default, and as UCDP does when asked", () => {
    expect(reconcileFigures(claims('Dozens of fighters were killed in the clash.')).fatalities.best).toBe(12);
    expect(reconcileFigures(claims('Dozens of fighters were killed in the clash.'), 'ucdp').fatalities.best).toBe(24);
    expect(reconcileFigures(claims('Several soldiers were killed in the ambush.')).fatalities.best).toBe(10);
    expect(reconcileFigures(claims('Several soldiers were killed in the ambush.'), 'ucdp').fatalities.best).toBe(2);
  });

  it('leaves exact figures and the claims themselves as they are', () => {
    const found = claims('Three soldiers were killed and many others were wounded.');
    expect(reconcileFigures(found, 'ucdp').fatalities.best).toBe(3);
    expect(found.find((c) => c.measure === 'injured')).toMatchObject({ qualifier: 'vague', vagueWord: 'many', low: 10 });
  });
});
