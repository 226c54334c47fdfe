// Context rules: each changes the type a trigger suggested, on the case it exists for.
import { describe, expect, it } from 'vitest';
import { extract } from '../index.js';

const typing = (text: string) => {
  const [incident] = extract(text, { published: '2020-05-02' }).incidents;
  return `${incident?.eventType} / ${incident?.subEventType}`;
};

describe('event context rules', () => {
  it.each([
    ['ProtestAboutViolenceRule', "The teachers' union held a protest against the abduction of a headmaster.", 'Protests / Peaceful protest'],
    ['no rule: protesters killed are not a protest about violence', 'Gunmen shot dead two villagers who were protesting a land grab.', 'Violence against civilians / Attack'],
    ['AttackOnArmedTargetRule', 'Gunmen attacked a police checkpoint, killing 4 policemen.', 'Battles / Armed clash'],
    ['AttackOnArmedTargetRule (exchange of fire)', 'A young man was shot in police firing after he hurled a petrol bomb.', 'Battles / Armed clash'],
    ['SmallArmsMeansClashRule', 'Rebels fired mortars and small arms at army positions.', 'Battles / Armed clash'],
    ['no rule: heavy machine guns with mortars are shelling', 'Rebel forces fired 82mm mortars and heavy machine guns at government positions near Pisky.', 'Explosions/Remote violence / Shelling/artillery/missile attack'],
    ['SmallArmsMeansClashRule (fire in both directions)', 'The OSCE SMM observed 95 projectiles involving unknown weapons in both directions of the frontline near Kominternove.', 'Battles / Armed clash'],
    ['SmallArmsMeansClashRule (responded to shelling)', 'Government forces responded to shelling by rebel forces on the Al Kirsh front.', 'Battles / Armed clash'],
    ['HeavyWeaponsMeanShellingRule', 'The OSCE SMM observed a total of 13 bursts of fire involving heavy machineguns near Novoluhanske.', 'Explosions/Remote violence / Shelling/artillery/missile attack'],
    ['no rule: mortars and machine guns fired at villages are shelling', 'Houthi forces fired mortar shells and machine guns at farms and populated villages in Al Jabaliyah.', 'Explosions/Remote violence / Shelling/artillery/missile attack'],
    ['FoughtBackMeansClashRule (a shelling answered)', 'Rebels fired rockets at a hilltop post and the army retaliated.', 'Battles / Armed clash'],
    ['FoughtBackMeansClashRule (a killing in an encounter)', 'Two robbers were gunned down in an encounter with the police.', 'Battles / Armed clash'],
    ['no rule: fire not returned stays shelling', 'Troops shelled the hamlet overnight; the rebels did not retaliate.', 'Explosions/Remote violence / Shelling/artillery/missile attack'],
    ['CommunalClashRule', 'BJP and Congress workers clashed in Indore, injuring 11 people.', 'Riots / Mob violence'],
    ['CommunalClashRule (a crowd against the police)', 'Police clashed with informal traders in Annaba after a crackdown on street sellers.', 'Riots / Mob violence'],
    ['CommunalClashRule (protesters fighting)', 'Police clashed with rioters who were protesting against demolitions.', 'Riots / Violent demonstration'],
    ['CommunalClashRule (rioters fighting soldiers)', 'Rioters angry at the currency collapse clashed with soldiers outside the central bank.', 'Riots / Violent demonstration'],
    ['CommunalClashRule (migrants and border police)', 'Migrants clashed with border police who barred them from crossing.', 'Riots / Mob violence'],
    ['AttackOnArmedTargetRule (shot at a policeman)', 'Unidentified men shot at a police constable in the market, wounding him.', 'Battles / Armed clash'],
    ['AttackOnArmedTargetRule does not apply to a party activist', 'A local Awami League leader was shot dead by unidentified assailants.', 'Violence against civilians / Attack'],
    ['AttackOnArmedTargetRule does not apply to a killing at home', 'Gunmen shot dead an off-duty policeman at his home.', 'Violence against civilians / Attack'],
    ['no rule: the month March is no protest march', 'On 3 March 2021, gunmen killed four villagers in Peshawar.', 'Violence against civilians / Attack'],
    ['RaidOnCiviliansRule (fire opened on people)', 'Soldiers fired live bullets at two farmers near the fence, wounding both.', 'Violence against civilians / Attack'],
    ['RaidOnCiviliansRule (a police force firing on civilians)', 'The Central Reserve Police Force resorted to unprovoked firing that injured five civilians in the market.', 'Violence against civilians / Attack'],
    ['ArmedMenDoNotRiotRule (armed men who harm only the unarmed attack them)', 'A shopkeeper was burnt to death as assailants set his house on fire after stabbing him.', 'Violence against civilians / Attack'],
    ['no rule: a speaker is no victim', 'A writer was hacked to death in the old city. Police said the writer was murdered on his way to work.', 'Violence against civilians / Attack'],
    ['AttackOnArmedTargetRule does not apply to a former officer', 'In Tacuba, a former military officer was shot and killed by gang members.', 'Violence against civilians / Attack'],
    ['no rule: an incursion against armed groups stays a clash', 'Resistance forces conducted an incursion against pro-Houthi groups in Hays district.', 'Battles / Armed clash'],
    ['AttackOnArmedTargetRule (a check point)', 'Taliban militants attacked a pro-government militia check point, killing 9 of them.', 'Battles / Armed clash'],
    ['AttackOnArmedTargetRule (a repelled attack)', 'GNA forces repelled an attack by LNA forces in Wadi al-Rabi. One GNA commander was reportedly killed.', 'Battles / Armed clash'],
    ['DeathsAreNotStrategicRule', 'Assailants torched the bus in which a transport worker was asleep. He was killed.', 'Violence against civilians / Attack'],
    ['ProtestMetWithForceRule (armed men fire on a procession)', 'A person was killed when unidentified assailants fired upon a religious procession in Imphal.', 'Violence against civilians / Attack'],
    ['ProtestMetWithForceRule (police open fire)', 'Police open fire on mostly peaceful protesters in Kisumu, killing five.', 'Violence against civilians / Excessive force against protesters'],
    ['AttackOnArmedTargetRule (a police officer shot)', 'In San Juan city, a police officer was shot by unidentified gunmen.', 'Battles / Armed clash'],
    ['RaidOnCiviliansRule', 'Gunmen raided a village in Zamfara, killing 12 residents.', 'Violence against civilians / Attack'],
    ['RaidOnCiviliansRule (fighting denied does not count)', 'Gunmen stormed the village in Zamfara, wounding 12 residents. There had been no fighting there before.', 'Violence against civilians / Attack'],
    ['RaidOnCiviliansRule (a police raid; the police named again as the source)', 'A drug suspect was killed during a police raid in Bulacan. Police said the suspect was on a watchlist.', 'Violence against civilians / Attack'],
    ['CommunalClashRule (rioters far from the verb)', 'Hundreds of rioters demonstrating against the currency collapse and the dire living conditions in the northern port city clashed with soldiers.', 'Riots / Violent demonstration'],
    ['ArmedMenDoNotRiotRule', 'Taliban militants clashed with police forces in Kabul.', 'Battles / Armed clash'],
    ['ProtestMetWithForceRule', 'Hundreds of protesters rallied in Baghdad. Police fired tear gas to disperse them.', 'Protests / Protest with intervention'],
    ['ProtestMetWithForceRule (killing)', 'Protesters marched in Khartoum. Security forces opened fire, killing 3 protesters.', 'Violence against civilians / Excessive force against protesters'],
    ['no rule: a protest against arrests', 'Journalists held a protest against the illegal arrest of a colleague.', 'Protests / Peaceful protest'],
    ['no rule: a mob riots', 'A mob vandalized and set ablaze a section of a rehab facility over the death of a patient.', 'Riots / Mob violence'],
    ['ViolentDemonstratorsRule', 'Villagers pelted stones at the police while demanding the release of their leader.', 'Riots / Violent demonstration'],
    ['ProtestMetWithForceRule (arrests)', 'Around 15 people held a protest in Pinsk. Two persons were arrested by the police.', 'Protests / Protest with intervention'],
    ['ProtestMetWithForceRule (shots in the air)', 'Prisoners staged a demonstration to demand sanitary control. Police intervened and shot into the air.', 'Protests / Protest with intervention'],
    ['ViolentProtestRule before force', 'Metro workers demonstrated demanding to be sent home. Rioters pelted stones and police used a lathi charge.', 'Riots / Violent demonstration'],
    ['ViolentProtestRule', 'Students protested the fee rise and torched a bus.', 'Riots / Violent demonstration'],
    ['ViolentProtestRule (a building set on fire)', 'Traders protesting a ban on imports set a customs warehouse on fire.', 'Riots / Violent demonstration'],
    ['ViolentProtestRule (vehicles burnt)', 'Residents took to the streets over the candidate list and several buses were burnt.', 'Riots / Violent demonstration'],
  ])('%s', (_rule, text, expected) => {
    expect(typing(text)).toBe(expected);
  });
});
