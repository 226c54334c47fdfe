// The parts of an article told apart by the shape of its lines.
import { describe, expect, it } from 'vitest';
import { readArticle } from './article.js';
import { splitSentences } from './sentences.js';

const layout = (text: string) => readArticle(splitSentences(text));

describe('readArticle', () => {
  it('finds the headline, the byline and the lead', () => {
    const a = layout('Gunmen kill three farmers in Zamfara\nBy Jane Doe\nGunmen killed three farmers in a village in Zamfara State on Monday, police said.\nThe attack came at night.');
    expect(a.headline).toEqual([0]);
    expect([...a.furniture]).toEqual([1]);
    expect(a.lead).toBe(2);
  });

  it('reads a text that opens with its lead as having no headline', () => {
    const a = layout('On 3 May 2020, militants attacked a police post in Gardez, killing 4 policemen.');
    expect(a.headline).toEqual([]);
    expect(a.lead).toBe(0);
  });

  it('takes other stories listed under "Latest Headlines" as furniture, and the last headline as this story\'s', () => {
    const a = layout('Latest Headlines\nCouncil approves new budget for schools\nFlooding closes two roads in the north\nJets kill a rebel commander in Borno\nKingsley Nwezeh\nFighter jets struck a meeting of commanders in Borno State yesterday, killing a commander, officials said.');
    expect(a.headline).toEqual([3]);
    expect([...a.furniture].sort()).toEqual([0, 1, 2, 4]);
    expect(a.lead).toBe(5);
  });

  it('finds datelines in capitals, with an agency or a date, and leaves a region label alone', () => {
    const dateline = (lead: string) => layout(`Headline of the story here\n${lead}`).dateline?.text ?? null;
    expect(dateline('QUETTA, Pakistan (AP) — Security forces shot and killed four insurgents on Tuesday, officials said.')).toBe('QUETTA, Pakistan (AP) — ');
    expect(dateline('Kabul [Afghanistan], July 20 (ANI): The mission released a report on the situation in the country.')).toBe('Kabul [Afghanistan], July 20 (ANI): ');
    expect(dateline('Bogota, Apr 30 (EFE).- At least six suspected rebels were killed in a military operation in Arauca.')).toBe('Bogota, Apr 30 (EFE).- ');
    expect(dateline('BACOLOD CITY – A rebel was killed during a clash with troops in the hinterlands on Wednesday.')).toBe('BACOLOD CITY – ');
    expect(dateline('Al-Hasakah province: SOHR activists have documented the death of two fighters in the city.')).toBeNull();
    expect(dateline('A Sinaloa Cartel - linked figure was gunned down in the state of Sonora on Friday night.')).toBeNull();
  });

  it('marks furniture in the body: advertising slots, "Read also" lines, copyright, the headline printed again', () => {
    const a = layout('Troops kill four insurgents in raid\n[ad_1]\nTroops killed four insurgents in a raid on a hideout on Tuesday, officials said.\nRead Also: Police arrest ten suspects in Kano\nCopyright 2022 The Associated Press. All rights reserved.\nTroops kill four insurgents in raid');
    expect([...a.furniture].sort()).toEqual([1, 3, 4, 5]);
  });
});
