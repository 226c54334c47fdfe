// Grouping sentences into incidents: background stays out, except what a lead states as its event.
import { describe, expect, it } from 'vitest';
import { extract } from './index.js';

const incidents = (text: string) => extract(text, { published: '2015-04-02' }).incidents;

describe('assembleIncidents', () => {
  it('leaves a campaign summary out', () => {
    expect(incidents('More than 200 civilians have been killed since the start of the campaign.')).toEqual([]);
  });

  it('keeps a lead that states its event before a background cue, dated by the event, not the cue', () => {
    const [incident] = incidents('Employees of the tax department protested on Wednesday against workplace shifting, as they have since March 17th.');
    expect(incident?.eventType).toBe('Protests');
    expect(incident?.date).toBe('2015-04-01');
  });

  it('does not keep a later sentence with a background cue as an incident of its own', () => {
    const found = incidents('Gunmen killed two farmers in Zamfara on Tuesday. Bandits have killed hundreds in the state since January.');
    expect(found).toHaveLength(1);
    expect(found[0]?.claims.map((c) => c.low)).toEqual([2]);
  });

  it('keeps a victim who died of injuries later in the attack, dated by the attack, told before or after it', () => {
    for (const text of [
      'A bus conductor, who suffered burns in a firebomb attack, succumbed to his injuries at a hospital today. Picketers had thrown the firebomb at his bus on Sunday.',
      'Picketers threw a firebomb at a bus on Sunday, injuring its conductor. The injured conductor died on Tuesday at the hospital.',
    ]) {
      const found = incidents(text);
      expect(found).toHaveLength(1);
      expect(found[0]?.date).toBe('2015-03-29');
      expect(found[0]?.claims.filter((c) => c.measure === 'killed').map((c) => c.low)).toEqual([1]);
    }
  });

  it('keeps a sentence whose background cue sits in an aside', () => {
    const found = incidents("A rebel commander, wanted by police in last year's bus bombing case, has been killed in an encounter.");
    expect(found).toHaveLength(1);
    expect(found[0]?.claims.map((c) => c.low)).toEqual([1]);
  });

  it("does not give a separate incident the previous incident's source", () => {
    const found = incidents('A car bomb killed 11 people in the capital, police said. In a separate incident, gunmen shot dead a commissioner in Baidoa.');
    expect(found).toHaveLength(2);
    expect(found[1]?.claims[0]).toMatchObject({ speaker: null, outlet: null });
  });

  it('names the side that did not suffer first in a battle with no named attacker', () => {
    const [incident] = incidents('Two KIA fighters were killed in a gunfight with government troops on Monday.');
    expect(incident?.eventType).toBe('Battles');
    expect(incident?.actor1).toBe('Military Forces of {country}');
  });

  it('takes the group that claimed an attack over the unnamed men who carried it out', () => {
    const [incident] = incidents('Gunmen shot dead a district commissioner on Monday. Al Shabaab claimed responsibility for the attack.');
    expect(incident?.actor1).toBe('Al Shabaab');
  });

  it('names the side that made a strategic move', () => {
    const [incident] = incidents('Movement of forces: on Monday, Turkish forces brought reinforcements of tens of vehicles to their outposts.');
    expect(incident?.eventType).toBe('Strategic developments');
    expect(incident?.actor1).toBe('Military Forces of Turkey');
  });

  it('ranks the event the lead reports first, then further events, then earlier events told as background', () => {
    const found = incidents(
      [
        'Jets strike a market in the north',
        'Jets struck a market in the northern town on Wednesday, killing four people, residents said.',
        'On March 10, jets struck a school in the same town, killing two children.',
        'Later on Wednesday, gunmen attacked a checkpoint near the town, killing a policeman.',
      ].join('\n'),
    );
    expect(found.map((i) => [i.role, i.date])).toEqual([
      ['main', '2015-04-01'],
      ['further', '2015-04-01'],
      ['background', '2015-03-10'],
    ]);
  });

  it('dates the event, not the day a source spoke of it', () => {
    const [incident] = incidents('Two militants were killed in an encounter with troops in the district, police said on Thursday. The encounter took place late Tuesday night.');
    expect(incident?.date).toBe('2015-03-31');
  });

  it('takes a day of saying only when nothing else dates the event', () => {
    const [incident] = incidents('Two militants were killed in an encounter with troops in the district, police said on Thursday.');
    expect(incident?.date).toBe('2015-04-02');
  });

  it('dates an undated event to the day of publication, precise to the week', () => {
    const [incident] = incidents('Gunmen shot dead a shepherd in the eastern desert, the monitor said.');
    expect(incident).toMatchObject({ date: '2015-04-02', timePrecision: 2 });
    expect(incident?.evidence.date?.[0]?.rule).toBe('PublicationDayFallback');
  });

  it('does not date an undated lead by an earlier event told in a paragraph of its own', () => {
    const found = incidents('Gunmen shot dead a shepherd in the eastern desert.\nOn March 17, the monitor reported that gunmen killed two farmers in the same area.');
    expect(found.map((i) => i.date)).toEqual(['2015-04-02', '2015-03-17']);
  });

  it('does not date the main event by a month or a remote day told in the body', () => {
    const found = incidents('Gunmen shot dead a shepherd near the camp on Tuesday.\nIt is worth noting that this is the fourth killing in the camp in March.');
    expect(found[0]?.date).toBe('2015-03-31');
    const older = incidents('Gunmen shot dead a shepherd near the camp.\nHis brother was killed in a similar raid in January 2014.');
    expect(older[0]?.date).toBe('2015-04-02');
  });
});

