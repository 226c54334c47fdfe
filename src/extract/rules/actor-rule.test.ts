// The actor rule: names from the lexicon, and the role the words around them give.
import { describe, expect, it } from 'vitest';
import { find } from '../index.js';

const actors = (text: string) => find(text, { published: '2015-02-02' }).actors.map((a) => [a.name, a.role]);

describe('ActorRule', () => {
  it('normalises variants to ACLED names', () => {
    expect(actors('The Syrian regime shelled the town.')).toEqual([['Military Forces of Syria', 'perpetrator']]);
    // A regime is the government of the incident's country: Myanmar's junta is one too.
    expect(actors('Regime warplanes struck the town.')).toEqual([['Military Forces of {country}', 'perpetrator']]);
    expect(actors('Pakistani troops fired on the post.')).toEqual([['Military Forces of Pakistan', 'perpetrator']]);
    expect(actors('The Houthis attacked the base.')).toEqual([['Military Forces of Yemen Supreme Political Council', 'perpetrator']]);
    expect(actors('Pro-Houthi forces fired mortar shells at a farm.')).toEqual([['Military Forces of Yemen Supreme Political Council', 'perpetrator']]);
    expect(actors('Hartal supporters set a truck ablaze on the highway.')).toEqual([['BNP: Bangladesh Nationalist Party Militia', 'perpetrator']]);
    expect(actors('Saudi artillery shelled a village in the border district.')).toEqual([['Operation Restoring Hope', 'perpetrator']]);
    expect(actors('Renamo gunmen attacked a convoy on the highway.')).toEqual([['RENAMO: Mozambican National Resistance', 'perpetrator']]);
    expect(actors('The Military Police carried out an operation in the favela.')).toEqual([['Military Forces of {country} Military Police', 'perpetrator']]);
  });

  it('reads the perpetrator after "by", also through "suspected" and "assailants of"', () => {
    expect(actors('A bus came under a bomb attack by suspected BNP activists.')).toContainEqual(['BNP: Bangladesh Nationalist Party Militia', 'perpetrator']);
    expect(actors('The magistrate was attacked by assailants of Jamaat-Shibir.')).toContainEqual(['JeI: Jamaat-e-Islami', 'perpetrator']);
    expect(actors('A student leader was hacked to death by a group of local Awami League supporters.')).toEqual([['Bangladesh Awami League Militia', 'perpetrator']]);
  });

  it('takes the first of two sides that clashed as the first named', () => {
    expect(actors('KIA and Myanmar troops clashed in Namkham township.')[0]).toEqual(['KIA: Kachin Independence Army', 'perpetrator']);
  });

  it('reads the perpetrator across a time phrase before its verb', () => {
    expect(actors('Pakistan Rangers on Friday night yet again violated the ceasefire.')).toEqual([['Military Forces of Pakistan', 'perpetrator']]);
  });

  it('tells a target from a side named without a role', () => {
    expect(actors('Militants attacked the police station.')).toContainEqual(['Police Forces of {country}', 'target']);
    // "between X and Y": the first side named is taken as the initiator, as ACLED lists it first.
    expect(actors('Fighting between the army and the TNLA continued.')).toEqual([
      ['Military Forces of {country}', 'perpetrator'],
      ["TNLA: Ta'ang National Liberation Army", 'target'],
    ]);
    expect(actors('Three soldiers died in the blast.')).toEqual([['Military Forces of {country}', 'party']]);
  });
  it('reads a harmed actor as the target, even before a word for its men', () => {
    expect(actors('Two KIA fighters were killed in a gunfight with the army.')).toEqual([
      ['KIA: Kachin Independence Army', 'target'],
      ['Military Forces of {country}', 'party'],
    ]);
  });

  it('reads a perpetrator the text blames or that claimed the attack', () => {
    expect(actors('A mortar hit the market. Al Shabaab suspected.')).toEqual([['Al Shabaab', 'perpetrator']]);
    expect(actors('Police said the BLA was behind the blast.')).toContainEqual(['BLA: Baloch Liberation Army', 'perpetrator']);
    expect(actors('The TTP has claimed the attack on the school.')).toEqual([['TTP: Tehreek-i-Taliban Pakistan', 'perpetrator']]);
    expect(actors('Jundallah claimed the bombing in a statement.')).toEqual([['Jundallah', 'perpetrator']]);
    expect(actors('The BLA is suspected to be behind the blast.')).toEqual([['BLA: Baloch Liberation Army', 'perpetrator']]);
    expect(actors('A suspected al-Shabaab IED hit a minibus.')).toEqual([['Al Shabaab', 'perpetrator']]);
    expect(actors('Shells fired by presumed LNA forces fell on the suburb.')).toEqual([['Military Forces of Libya Haftar Faction', 'perpetrator']]);
  });

  it('reads "Cadres of X" opening a sentence as X acting', () => {
    expect(actors('Cadres of the GNLA attacked a police outpost.')[0]).toEqual(['GNLA: Garo National Liberation Army', 'perpetrator']);
  });

  it('reads present-tense headline verbs', () => {
    expect(actors('Troops kill a TTP commander in Karachi.')[0]).toEqual(['Military Forces of {country}', 'perpetrator']);
    expect(actors('Maoists blew up a school building.')).toEqual([['CPI (Maoist): Communist Party of India (Maoist)', 'perpetrator']]);
  });

  it("reads an actor's own air force, and a verb across a place named after the actor", () => {
    expect(actors('GNA air force targeted an LNA fuel truck.')[0]).toEqual(['Military Forces of Libya Government of National Accord', 'perpetrator']);
    expect(actors('Iraqi forces in Ghaydah in Kirkuk province killed three militants.')[0]).toEqual(['Military Forces of Iraq', 'perpetrator']);
  });

  it('does not read the organiser of a strike or blockade as the perpetrator', () => {
    expect(actors('Four bombs went off during the blockade enforced by the BNP-led alliance.')).toEqual([['BNP: Bangladesh Nationalist Party Militia', 'party']]);
  });

  it('reads a headline passive ("X militants killed in ...") as the harmed actor', () => {
    const found = actors('Six TTP militants killed in air strikes by the Pak Airforce.');
    expect(found[0]).toEqual(['TTP: Tehreek-i-Taliban Pakistan', 'target']);
    expect(found).toContainEqual(['Military Forces of Pakistan', 'perpetrator']);
    // Active verbs stay active: "killed and injured 12", "killed at least 5".
    expect(actors('Taliban militants killed and injured 12 people in Kunduz.')[0]).toEqual(['Taliban', 'perpetrator']);
    expect(actors('Taliban militants killed at least 5 soldiers.')[0]).toEqual(['Taliban', 'perpetrator']);
  });

  it('reads the attacker, not the side that repelled it, as the perpetrator', () => {
    expect(actors('Afghan forces repelled an attack by Taliban militants.')).toEqual([
      ['Military Forces of Afghanistan', 'party'],
      ['Taliban', 'perpetrator'],
    ]);
  });

  it('reads weapons joined by "and" as the actor\'s own', () => {
    expect(actors('Saudi rocket and artillery shelling hit the border district.')).toEqual([['Operation Restoring Hope', 'perpetrator']]);
  });

  it('reads "members of X" as harmed, unless they act next', () => {
    expect(actors('Troops killed two members of the TTP.')).toContainEqual(['TTP: Tehreek-i-Taliban Pakistan', 'target']);
    expect(actors('Five people were hurt as members of the BNP militia hurled a bomb at a bus.')).toContainEqual(['BNP: Bangladesh Nationalist Party Militia', 'perpetrator']);
  });
});
