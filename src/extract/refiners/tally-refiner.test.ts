// Running tallies kept apart from the toll of the event an article reports.
import { describe, expect, it } from 'vitest';
import { extract } from '../index.js';

const read = (text: string) => extract(text, { published: '2022-08-04' });
const toll = (text: string) => read(text).incidents[0]?.claims.filter((c) => c.measure === 'killed').map((c) => c.low);

describe('TallyRefiner', () => {
  it('keeps a monitor\'s count since a date as a tally, and the event\'s own figure as its toll', () => {
    const text = [
      'Gunmen kill a shepherd in the desert',
      'Gunmen shot dead a shepherd in the eastern desert on Wednesday, the monitor said.',
      'The monitor has documented 110 attacks by the group since early 2022. According to its statistics, these attacks left 87 persons dead, including 34 civilians.',
    ].join('\n');
    const { incidents, tallies } = read(text);
    expect(incidents).toHaveLength(1);
    expect(toll(text)).toEqual([1, 1]);
    expect(tallies.map((t) => [t.low, t.period])).toEqual([[87, 'since early 2022']]);
  });

  it('reads "bringing the death toll to" as a tally after the event\'s figure in the same sentence', () => {
    const { incidents, tallies } = read('Two soldiers were killed in a roadside bombing on Tuesday, bringing the death toll since the start of the offensive to 41.');
    expect(incidents[0]?.claims.filter((c) => c.measure === 'killed').map((c) => c.low)).toEqual([2]);
    expect(tallies.map((t) => t.low)).toEqual([41]);
  });

  it('keeps a figure told before a tally\'s words in a clause of its own', () => {
    expect(toll('Gunmen killed three soldiers on Monday, the deadliest attack in the region since January.')).toEqual([3]);
  });

  it('takes "these attacks left" for a tally only right after a tally', () => {
    expect(toll('Militants attacked two checkpoints on Monday. These attacks left 5 soldiers dead.')).toEqual([5]);
  });

  it('reads a count since an event as a tally, not a date of the event', () => {
    const { incidents, tallies } = read('A protester was shot dead in the capital on Monday, bringing the number of protesters killed since the October 25 military coup to 90.');
    expect(incidents.map((i) => i.date)).toEqual(['2022-08-01']);
    expect(tallies.map((t) => t.low)).toEqual([90]);
  });

  it('records where a tally counts, also for a sentence that goes on counting', () => {
    const [tally] = read('The group carried out 60 attacks in areas under the control of the council since January, killing 40 people.').tallies;
    expect(tally?.scope).toBe('in areas under the control of the council');
    const [next] = read('The monitor documented 60 attacks in areas held by the council since January. These attacks left 40 people dead.').tallies;
    expect(next).toMatchObject({ low: 40, scope: 'in areas held by the council', period: 'since January' });
  });

  it("reads a conflict's toll told in a relative clause, and a count this year, as tallies", () => {
    expect(read('A civilian died in shelling on Monday, in the separatist conflict, which has claimed more than 14,000 lives.').tallies.map((t) => t.low)).toEqual([14000]);
    expect(toll('A civilian died in shelling on Monday. The army has confirmed the deaths of five soldiers this year.')).toEqual([1]);
  });

  it('reads the items of a list a tally introduces as parts of the tally', () => {
    const text = ['Two soldiers were killed by a roadside bomb on the highway on Monday.', 'Since early 2022, the number of fatalities in the desert has risen to 319, as follows:', '• 140 militants were killed', '• 160 soldiers were killed'].join('\n');
    expect(toll(text)).toEqual([2]);
    expect(read(text).tallies.map((t) => t.low)).toEqual([319, 140, 160]);
  });
});

