import { describe, expect, it } from 'vitest';
import { findMentions } from './mentions.js';

function mentionsOf(text: string) {
  return findMentions(text).mentions.map(({ text: t, start, end, rule, modifier }) => ({ text: t, start, end, rule, modifier }));
}

describe('findMentions', () => {
  it('finds a name after a locative word, with its offsets', () => {
    const text = 'Two people were killed in Homs on Monday.';
    expect(mentionsOf(text)).toEqual([{ text: 'Homs', start: 26, end: 30, rule: 'LocativePrepositionMention', modifier: null }]);
  });

  it('keeps descriptors in the span and reads their modifier', () => {
    expect(mentionsOf('Shelling hit the outskirts of Aleppo.')[0]).toMatchObject({ text: 'outskirts of Aleppo', modifier: 'outskirts' });
    expect(mentionsOf('Rebels advanced in the Idlib countryside.')[0]).toMatchObject({ text: 'the Idlib countryside', modifier: 'countryside' });
    expect(mentionsOf('Fighting continued in Raqqa province.')[0]).toMatchObject({ text: 'Raqqa province', modifier: null });
    expect(mentionsOf('Residents fled the city of Mosul.')[0]).toMatchObject({ text: 'city of Mosul', rule: 'DescriptorMention' });
  });

  it('finds known names without a locative word, and names in a list after one', () => {
    // A large town may open a sentence; "Being" (a village somewhere) may not.
    expect(mentionsOf('Raqqa and Aleppo were shelled; Homs was quiet.').map((m) => [m.text, m.rule])).toEqual([
      ['Raqqa', 'KnownNameMention'],
      ['Aleppo', 'KnownNameMention'],
      ['Homs', 'KnownNameMention'],
    ]);
    const listed = mentionsOf('Clashes were reported in Juliaca, Puno and in Raqqa and Aleppo.');
    expect(listed.map((m) => [m.text, m.rule])).toEqual([
      ['Juliaca', 'LocativePrepositionMention'],
      ['Puno', 'LocativePrepositionMention'],
      ['Raqqa', 'LocativePrepositionMention'],
      ['Aleppo', 'LocativePrepositionMention'],
    ]);
  });

  it('reads names that open with a site noun or hold lower-case words, and skips codes', () => {
    expect(mentionsOf('A man was shot in Port of Spain city.')[0]).toMatchObject({ text: 'Port of Spain city', rule: 'LocativePrepositionMention' });
    expect(mentionsOf('Gangs blocked roads in Port-au-Prince.')[0]?.text).toBe('Port-au-Prince');
    expect(mentionsOf('A policeman was killed in PD10 of Kandahar city.').map((m) => m.text)).toEqual(['Kandahar city']);
  });

  it('reports unknown names after a locative word', () => {
    expect(mentionsOf('Fighting raged in Xyzzyville.')).toEqual([{ text: 'Xyzzyville', start: 18, end: 28, rule: 'LocativePrepositionMention', modifier: null }]);
  });

  it('keeps named sites apart from places', () => {
    const found = mentionsOf('Warplanes struck al-Hani mosque and the Museum Square in Raqqa.');
    expect(found.map((m) => [m.text, m.rule])).toEqual([
      ['al-Hani mosque', 'SiteMention'],
      ['Museum Square', 'SiteMention'],
      ['Raqqa', 'LocativePrepositionMention'],
    ]);
  });

  it('skips months, weekdays, organisations, speakers and titles', () => {
    const text =
      'On Monday in March, Rami Abdulrahman said the Islamic State and the Syrian Observatory for Human Rights disagreed. ' +
      'President Assad spoke to the Free Syrian Army. Pakistan Rangers fired at the post.';
    expect(mentionsOf(text)).toEqual([]);
  });

  it('skips capitalised sentence openers and acronyms', () => {
    expect(mentionsOf('Being careful, the SOHR and the BSF met. As expected, nothing happened.')).toEqual([]);
  });

  it('gives country clues from names and demonyms, not place mentions for demonyms', () => {
    const { mentions, clues } = findMentions('Syrian troops and Myanmar Army units clashed in Iraq.');
    expect(mentions.map((m) => m.text)).toEqual(['Iraq']);
    expect(clues.map((c) => [c.code, c.rule])).toEqual([
      ['SY', 'DemonymClue'],
      ['MM', 'OrganisationCountryClue'],
      ['IQ', 'CountryNameClue'],
    ]);
  });

  it('reads terms after "pro-" or "anti-" ("pro-Houthi forces")', () => {
    expect(findMentions('Pro-Houthi forces shelled the area.').clues.map((c) => [c.text, c.code])).toEqual([['Houthi', 'YE']]);
  });

  it('reads known names joined by an article or connector as one unknown name ("Madinat al Salah")', () => {
    const { mentions } = findMentions('Shots were fired at the east of Madinat al Salah on Monday.');
    expect(mentions.map((m) => [m.text, m.partial])).toEqual([
      ['Madinat', true],
      ['Salah', true],
    ]);
  });

  it('marks demonyms that name forces, also in a list of demonyms', () => {
    const { clues } = findMentions('Pakistani and Indian troops fired. Turkish border guards and Congolese police watched.');
    expect(clues.map((c) => [c.text, c.forces ?? false])).toEqual([
      ['Pakistani', true],
      ['Indian', true],
      ['Turkish', true],
      ['Congolese', false],
    ]);
  });

  it('marks names matched only in part, and places named as an origin', () => {
    // "Kandahar" opens a longer name the gazetteer does not know.
    const [kandahar] = findMentions('Jets struck militants in Kandahar Qzxwan on Monday.').mentions;
    expect(kandahar?.partial).toBe(true);
    // Also when descriptor words after the name carry the mention past the run ("Baba area").
    const unknownArea = findMentions('A landmine exploded in Naray Baba area on Monday.').mentions;
    expect(unknownArea.map((m) => [m.text, m.partial])).toEqual([
      ['Naray', true],
      ['Baba area', true],
    ]);
    const [damascus] = findMentions('Troops arrived from Damascus.').mentions;
    expect(damascus?.origin).toBe(true);
  });
});
