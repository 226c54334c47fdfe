// Each casualty rule on the phrasings it exists for: which figure, what it measures, whose.
import { describe, expect, it } from 'vitest';
import { extract, find } from '../../index.js';
import { reconcileFigures } from '../../../reconcile/figures.js';

const PUBLISHED = '2020-05-02';

function casualties(text: string) {
  return find(text, { published: PUBLISHED }).casualties.map((c) => ({
    rule: c.evidence.rule,
    measure: c.measure,
    victims: c.victims,
    low: c.figure.low,
    high: c.figure.high,
    qualifier: c.figure.qualifier,
  }));
}

describe('casualty rules', () => {
  it.each([
    ['PassiveCasualtyRule', 'At least 63 people, including 36 civilians, have been killed.', { measure: 'killed', victims: 'all', low: 63, qualifier: 'at_least' }],
    ['PassiveCasualtyRule', 'Dozens of people were seriously injured.', { measure: 'injured', low: 12, qualifier: 'vague' }],
    ['PassiveCasualtyRule', '2 brothers were killed in a targeted shooting.', { measure: 'killed', victims: 'all', low: 2 }],
    ['PassiveCasualtyRule', 'Three farmers were abducted by gunmen and later killed.', { measure: 'killed', low: 3 }],
    ['IntransitiveCasualtyRule', 'Two soldiers died in the ambush.', { measure: 'killed', victims: 'soldiers', low: 2 }],
    ['NominalCasualtyRule', 'The blast left 12 dead and 30 injured.', { measure: 'killed', low: 12 }],
    ['NominalCasualtyRule', 'Gunmen attacked the village, causing 3 fatalities.', { measure: 'killed', low: 3 }],
    ['ActiveCasualtyRule', 'A car bomb exploded, wounding 30 people.', { measure: 'injured', victims: 'all', low: 30 }],
    ['ActiveCasualtyRule', 'Policemen gun down two militants.', { measure: 'killed', victims: 'fighters', low: 2 }],
    // "IS" (Islamic State) before a victim noun is a modifier, not the verb "is" (patterns ignore case).
    ['ActiveCasualtyRule', 'Iraqi troops killed 3 IS militants near Mosul.', { measure: 'killed', victims: 'fighters', low: 3 }],
    ['DeathTollRule', 'The death toll rose to 45.', { measure: 'killed', low: 45 }],
    ['DeathTollRule', 'The death toll was later revised to 12.', { measure: 'killed', low: 12 }],
    ['NominalCasualtyRule', 'Troops repelled the raid, leaving at least three Boko Haram dead.', { victims: 'fighters', low: 3 }],
    ['DeathTollRule', 'Several fatalities coded as 3.', { measure: 'killed', low: 3 }],
    ['DeathTollRule', 'Gunmen attacked the village. 3 fatalities.', { measure: 'killed', low: 3 }],
    ['DeathTollRule', 'Rebels clashed with police. Total fatalities 4.', { measure: 'killed', low: 4 }],
    ['DeathTollRule', 'The herders spoke of many casualties (coded as 10).', { measure: 'killed', low: 10 }],
    ['DeathTollRule', 'Dozens of fatalities and injuries coded as 6.', { measure: 'killed', low: 6 }],
    ['DeathsOfRule', 'The fire claimed 12 lives.', { measure: 'killed', low: 12 }],
    ['DeathsOfRule', 'Monitors have documented the death of a soldier, shot by snipers on the frontline.', { measure: 'killed', victims: 'soldiers', low: 1 }],
    ['DeathsOfRule', 'Monitors documented the killing of a member of the faction when shells hit a bulldozer.', { measure: 'killed', low: 1 }],
    ['DeathsOfRule', 'The attack resulted in the death of a soldier and wounding of two.', { measure: 'killed', victims: 'soldiers', low: 1 }],
    ['BodyFoundRule', 'A dismembered body inside plastic bags was found near the river.', { measure: 'killed', low: 1 }],
    ['BodyFoundRule', 'Seven bodies with traces of torture were found on Thursday.', { measure: 'killed', low: 7 }],
    ['BodyFoundRule', 'The bodies of two men were located on a dirt road.', { measure: 'killed', low: 2 }],
    ['SubjectCountRule', 'Both were killed.', { measure: 'killed', low: 2 }],
    ['PassiveCasualtyRule', 'A total of 17 militants were killed when they tried to enter the camp.', { measure: 'killed', victims: 'fighters', low: 17 }],
    ['SubjectCountRule', 'As a result of the shelling, two civilians – a woman and a man – were killed.', { measure: 'killed', low: 2 }],
    ['ObjectVictimRule', 'The strike killed top rebel general Ivan Petrov, the commander of the unit.', { measure: 'killed', victims: 'soldiers', low: 1 }],
    ['SubjectCountRule', 'Two gunmen enforcing the curfew order of the banned group have been shot dead in the state.', { measure: 'killed', victims: 'fighters', low: 2 }],
    ['ArticleVictimRule', 'Troops have killed a commander of the separatist group, the Southern Liberation Front.', { measure: 'killed', victims: 'fighters', low: 1 }],
    ['PartitiveVictimsRule', 'At least 36 of those killed are civilians.', { measure: 'killed', victims: 'civilians', low: 36 }],
    ['CoordinatedVictimsRule', 'Fighting left five soldiers and 12 militants dead.', { victims: 'soldiers', low: 5 }],
    ['CoordinatedVictimsRule', '1 Karachi policeman and 2 Rangers policemen were killed.', { victims: 'police', low: 3 }],
    ['CoordinatedVictimsRule', 'Two nurses and a man were shot dead at the market.', { victims: 'all', low: 3 }],
    ['AlongWithRule', 'The commander was killed along with six other militants.', { victims: 'fighters', low: 7 }],
    ['ArticleVictimRule', 'A soldier was killed by a sniper.', { victims: 'soldiers', low: 1 }],
    ['SingleVictimRule', 'MQM worker Nadeem Ahmed was shot dead by unknown assailants.', { measure: 'killed', low: 1 }],
    ['SingleVictimRule', 'Rajaram Jha, 25, died at the scene.', { measure: 'killed', low: 1 }],
    ['SingleVictimRule', 'Police said Kamal Uddin was murdered on his way home.', { measure: 'killed', victims: 'all', low: 1 }],
    ['SingleVictimRule', 'On 8 May 2020, a drug suspect was killed during a police raid.', { measure: 'killed', low: 1 }],
    ['SingleVictimRule', 'An IS leader, Abdelhadi Zargoon, was killed in an airstrike.', { measure: 'killed', low: 1 }],
    ['SubjectCountRule', 'Two Central Reserve Police Force (CRPF) personnel were killed in the blast.', { measure: 'killed', low: 2 }],
    ['SubjectCountRule', 'The driver of a truck and his helper were killed as assailants hurled a petrol bomb.', { measure: 'killed', low: 2 }],
    ['SubjectCountRule', 'In Barisal, a truck driver, Nur Hossain, 32, and his helper, Zafar Rari, 26, were killed.', { measure: 'killed', low: 2 }],
    ['SubjectCountRule', 'A polio worker, his driver and two Levies constables were kidnapped by militants.', { measure: 'abducted', low: 4 }],
    ['SubjectCountRule', 'ASWJ leader Dr Mohammad Fayyaz along with his driver were shot dead.', { measure: 'killed', low: 2 }],
    ['SubjectCountRule', 'Two key TTP militants, Sajid and Mohammad Zafar, and a guard were killed by police.', { measure: 'killed', low: 3 }],
    ['SubjectCountRule', 'A truck helper, who suffered burn injuries in a petrol bomb attack on his vehicle at Rupihar, died in a hospital.', { measure: 'killed', low: 1 }],
    ['SubjectCountRule', 'At least six suspected militants belonging to the TTP were killed.', { measure: 'killed', low: 6, qualifier: 'at_least' }],
    ['SubjectCountRule', 'Four rebels, loyal to a dissident commander were killed in the raid.', { measure: 'killed', low: 4 }],
    ['SubjectCountRule', '9 herders who were grazing cattle near the river were shot dead.', { measure: 'killed', low: 9 }],
    ['SubjectCountRule', 'At least 8 suspected bandits believed to be behind the highway robberies died in a shootout.', { measure: 'killed', low: 8, qualifier: 'at_least' }],
    ['SubjectCountRule', 'About 12 IS and other militants are thought to have been killed.', { measure: 'killed', low: 12 }],
    ['SubjectCountRule', 'A couple riding a scooter were shot dead.', { measure: 'killed', low: 2 }],
    ['SubjectCountRule', 'JUI district leader of Kohat and his nephew were killed.', { measure: 'killed', low: 2 }],
    ['SubjectCountRule', 'Residents say a farmer and a shepherd were killed.', { measure: 'killed', low: 2 }],
    ['PassiveCasualtyRule', '15 fighters of the group, including 2 commanders were killed.', { measure: 'killed', low: 15 }],
    ['ObjectVictimRule', 'The bullets left the duo dead.', { measure: 'killed', low: 2 }],
    ['ObjectVictimRule', 'A grenade hit the hut, killing her brother and wounding two others.', { measure: 'killed', low: 1 }],
    ['ObjectVictimRule', 'Soldiers killed Ramesh Oraon, 41, a local contractor, near the dam.', { measure: 'killed', low: 1 }],
    ['ObjectVictimRule', 'Masked men shot to death the treasurer of a farmers union.', { measure: 'killed', low: 1 }],
    ['ObjectVictimRule', 'A mob burnt alive three suspected thieves.', { measure: 'killed', low: 3 }],
    ['ObjectVictimRule', 'A rights group accused the police of shooting dead four miners.', { measure: 'killed', low: 4 }],
    ['ObjectVictimRule', 'Villagers murdered a trader they suspected of theft.', { measure: 'killed', low: 1 }],
    ['ArticleVictimRule', 'A gunman assassinated a district judge in the city.', { measure: 'killed', low: 1 }],
    ['SingleVictimRule', 'A ward councillor was slaughtered by unknown men.', { measure: 'killed', low: 1 }],
    ['HeadlineVictimRule', 'A madrasa teacher hacked to death in Pirganj on Sunday.', { measure: 'killed', low: 1 }],
    ['HeadlineVictimRule', 'Anwar Hossain, a local trader, shot dead at his shop.', { measure: 'killed', low: 1 }],
    ['DeathTollRule', 'Current estimates of fatalities stand at 4 rebels and one soldier.', { measure: 'killed', low: 5 }],
    ['DeathTollRule', 'Reports on fatalities range from 2 to 3.', { measure: 'killed', low: 2, high: 3 }],
    ['SubjectCountRule', 'The deputy commander of the group (KLO), along with two other fighters, was gunned down.', { measure: 'killed', low: 3 }],
    ['ObjectVictimRule', 'Gunmen shot a senior police official, DSP Zulfiqar Ali Zaidi dead in Karachi.', { measure: 'killed', victims: 'police', low: 1 }],
    ['ObjectVictimRule', 'A militant stabbed to death a police colonel outside his home.', { measure: 'killed', low: 1 }],
    ['ObjectVictimRule', 'Villagers beat to death two people suspected of theft in Kasba.', { measure: 'killed', low: 2 }],
    ['ObjectVictimRule', 'Unidentified assailants slew a ward-level party leader in Demra.', { measure: 'killed', low: 1 }],
    ['ObjectVictimRule', 'A crude bomb blast at his residence left his wife dead.', { measure: 'killed', low: 1 }],
    ['ObjectVictimRule', 'Gunmen fired upon them in Swabi, killing both.', { measure: 'killed', low: 2 }],
    ['ObjectVictimRule', 'Separatists killed all 6 of the former militants in the car.', { measure: 'killed', low: 6 }],
    ['IntransitiveCasualtyRule', 'Two protesters succumbed to bullet injuries on Monday.', { measure: 'killed', victims: 'protesters', low: 2 }],
    ['SingleVictimRule', 'His wife was declared dead at the hospital.', { measure: 'killed', low: 1 }],
    ['ObjectVictimRule', 'Clashes in the village killed one soldier and one civilian and injured several others.', { measure: 'killed', victims: 'all', low: 2 }],
    ['ObjectVictimRule', 'Soldiers killed a father, his wife, and their son at the village.', { measure: 'killed', low: 3 }],
    ['PassiveCasualtyRule', 'At least 10 IS militants were killed in the fighting.', { victims: 'fighters', low: 10 }],
    ['PassiveCasualtyRule', 'Two MNDAA soldiers were killed in the clash.', { victims: 'fighters', low: 2 }],
    ['PassiveCasualtyRule', '4 members of the GNA forces were killed in the clashes.', { victims: 'soldiers', low: 4 }],
    ['ObjectVictimRule', 'An IED targeting a patrol killed soldier Rashid Khan on the spot.', { measure: 'killed', victims: 'soldiers', low: 1 }],
    ['ObjectVictimRule', 'Armed men hijacked a vehicle and shot the driver dead.', { measure: 'killed', low: 1 }],
    ['ObjectVictimRule', 'Assailants shot a party activist to death at the village.', { measure: 'killed', low: 1 }],
    ['ObjectVictimRule', 'An alleged suicide bomber blew himself up at the gate.', { measure: 'killed', low: 1 }],
    ['SingleVictimRule', 'A newly elected village head has reportedly been killed by the Naxals.', { measure: 'killed', low: 1 }],
    ['SingleVictimRule', 'A party worker was targeted and killed by unknown assailants.', { measure: 'killed', low: 1 }],
    ['NominalCasualtyRule', '4 TTP and LI militants killed and 3 injured in air strikes.', { measure: 'killed', victims: 'fighters', low: 4 }],
    ['SubjectCountRule', '10 TTP militants as well as foreigners were killed in air strikes.', { measure: 'killed', low: 10 }],
    ['BodyFoundRule', 'The body of a man was found near the river.', { measure: 'killed', low: 1 }],
    ['BodyFoundRule', 'The body of a Nicaraguan journalist was found in a field.', { measure: 'killed', low: 1 }],
    ['BodyFoundRule', 'Five corpses of suspected militants were reportedly discovered the next day.', { measure: 'killed', low: 5 }],
    ['BodyFoundRule', 'The Red Cross recovered 17 bodies.', { measure: 'killed', low: 17 }],
    ['BodyFoundRule', "Two fishermen's bodies were found on the shore.", { measure: 'killed', low: 2 }],
    ['BodyFoundRule', 'His mutilated body was found later in a ditch.', { measure: 'killed', low: 1 }],
    ['BodyFoundRule', 'Villagers recovered the charred body of a herder near the well.', { measure: 'killed', low: 1 }],
    ['DeathsOfRule', 'A bomb exploded on the street, resulting in the death of a passer-by.', { measure: 'killed', low: 1 }],
    ['DeathsOfRule', 'The LeJ claimed responsibility for the killing of JUI leader Maulana Rahim and his nephew.', { measure: 'killed', low: 2 }],
    ['DeathsOfRule', 'The ambush resulted in the death of 2 rebels and 3 policemen.', { measure: 'killed', victims: 'all', low: 5 }],
    ['DeathsOfRule', 'The feud led to the death of 19-year-old farmer of Rampur village.', { measure: 'killed', low: 1 }],
    ['SingleVictimRule', 'An adolescent was shot to death by six armed men.', { measure: 'killed', low: 1 }],
    ['SingleVictimRule', 'A suspect was shot and died and the other was detained.', { measure: 'killed', low: 1 }],
    ['CoordinatedVictimsRule', 'Five militants and one soldier were killled.', { measure: 'killed', victims: 'fighters', low: 5 }],
    ['NoCasualtiesRule', 'No casualties were reported.', { measure: 'killed', low: 0 }],
    ['StrikeCountRule', 'Warplanes carried out at least ten airstrikes.', { measure: 'strikes', low: 10, qualifier: 'at_least' }],
    ['IncludingVictimsRule', 'Nine people, including five children, were killed.', { victims: 'children', low: 5 }],
  ])('%s: %s', (rule, text, expected) => {
    expect(casualties(text)).toContainEqual(expect.objectContaining({ rule, ...expected }));
  });

  it('reads an age as one victim, not a count', () => {
    expect(casualties('A 13-year-old girl was killed by shelling.')).toContainEqual(expect.objectContaining({ low: 1 }));
    expect(casualties('A 13-year-old girl was killed by shelling.')).not.toContainEqual(expect.objectContaining({ low: 13 }));
    // An age in words is no count either.
    expect(casualties('Most recently, a five-year-old girl died.')).toEqual([expect.objectContaining({ low: 1 })]);
  });

  it('does not count subjects it cannot count, ranges, or the other side of a clause', () => {
    expect(casualties('Militants were killed in the raid.')).toEqual([]);
    expect(casualties('Between 10 and 15 people were killed.')).toContainEqual(expect.objectContaining({ rule: 'PassiveCasualtyRule', low: 10, high: 15 }));
    expect(casualties('The security forces retaliated and two suspected terrorists were killed.')).toContainEqual(expect.objectContaining({ low: 2, high: 2 }));
    expect(casualties('12 killed and four injured in a suicide bombing.')).toEqual([
      expect.objectContaining({ measure: 'killed', low: 12 }),
      expect.objectContaining({ measure: 'injured', low: 4 }),
    ]);
  });

  it('reads "no one was killed" as no casualties, not one', () => {
    expect(casualties('No one was hurt or killed during the exchange of fire.').every((c) => c.low === 0)).toBe(true);
    expect(casualties('Nobody was killed in the attack.').every((c) => c.low === 0)).toBe(true);
  });

  it('leaves out the deaths a protest is about (GrievanceRefiner), not those at the protest', () => {
    expect(casualties('Lawyers protested in Daska against the killing of two lawyers by police.')).toEqual([]);
    expect(casualties('Traders shut their shops over the death of a vendor in police custody.')).toEqual([]);
    expect(casualties('Residents demanded the arrest of those who killed two children.')).toEqual([]);
    expect(casualties('Students protested, and police opened fire, killing two students.')).toContainEqual(expect.objectContaining({ low: 2 }));
  });

  it('does not read a dateline or a clause word as victims', () => {
    expect(casualties('Kathmandu, 12 May 2020 (Reuters) - The driver of a truck and his helper were killed when gunmen opened fire.')).toEqual([
      expect.objectContaining({ rule: 'SubjectCountRule', low: 2 }),
    ]);
    expect(casualties('A 22-year-old youth - Sohan Lal of Nayagaon - was murdered on Sunday.')).toContainEqual(expect.objectContaining({ low: 1 }));
  });

  it('does not count an attempt or a mix of outcomes as deaths', () => {
    expect(casualties('Armed men attempted to kill a militia commander as he returned home.')).toEqual([]);
    expect(casualties('3 PKK militants were killed, injured or captured during the operations.')).toEqual([]);
    expect(casualties('A constable lost his life in a road accident near the camp.')).toEqual([]);
    expect(casualties('Two rebels were killed in the clash, while a captain died in a mishap during the search.').map((c) => c.low)).toEqual([2]);
  });

  it('does not count an object it cannot count', () => {
    expect(casualties('Police killed party members in the raid.')).toEqual([]);
    expect(casualties('The soldiers killed livestock.')).toEqual([]);
    expect(casualties('Troops killed Boko Haram fighters near the lake.')).toEqual([]);
    expect(casualties('A roadside bomb killed in the market.')).toEqual([]);
    expect(casualties('The raiders burned 30 huts and killed 12 livestock.')).toEqual([]);
    expect(casualties('40 head of cattle were killed in the raid.')).toEqual([]);
    expect(casualties('Guards shot dead two cattle smugglers.')).toContainEqual(expect.objectContaining({ low: 2 }));
  });

  it("codes a toll without a number as ACLED does (10, flagged vague), but not vague casualties or someone's earlier crimes", () => {
    expect(casualties('The blast left several people dead.')).toEqual([expect.objectContaining({ low: 10, qualifier: 'vague' })]);
    expect(casualties('Troops stormed the camp, killing "several" and freeing four hostages.')).toContainEqual(expect.objectContaining({ low: 10, qualifier: 'vague' }));
    expect(casualties('The shelling killed an unknown number of herders and their goats.')).toEqual([expect.objectContaining({ rule: 'ActiveCasualtyRule', low: 10, qualifier: 'vague' })]);
    expect(casualties('The rockets caused a number of casualties.')).toEqual([]);
    expect(casualties('The arrested man was responsible for the killing of several traders.')).toEqual([]);
    expect(casualties('A gang leader wanted for several robberies was shot dead.')).toEqual([expect.objectContaining({ low: 1 })]);
    expect(casualties('As many as two policemen were killed.')).toEqual([expect.objectContaining({ low: 2, qualifier: 'at_most' })]);
  });

  it('reads "one of those killed" as a part of a group counted elsewhere, not a total', () => {
    expect(casualties('Nine guards died in the raid. Their captain was one of those killed.').map((c) => c.low)).toEqual([9]);
    expect(casualties('Five rebels were killed, two among the five killed were commanders.').map((c) => c.low)).toEqual([5]);
  });

  it.each([
    ['A shopkeeper, who was hurt when the grenade went off on Monday, died in hospital.', 1],
    ['Police mounted a raid and two robbers were killed.', 2],
    ['A car bomb killed at least 12 people, three of them children, in the market.', 12],
    ['Rangers killed 3 rebels in a raid. They managed to kill 3 while the others fled.', 3],
    ['The death toll in the bus bombing at the market in Tangail rose to nine as two more victims died.', 9],
    ['The feud resulted in the brutal murder of two cousins who were shot dead near the canal.', 2],
    ['At least eight suspected rebels, including two commanders, were killed in the raid.', 8],
    ['Three suicide bombers blew up at the gate, killing only themselves.', 3],
    ['Police said 5 militants were rushed to the district hospital where they died.', 5],
    ['Gunmen fired at the headmaster, who was taken to a clinic and later declared dead.', 1],
    ['Relatives of a man who died in a road crash blocked the highway.', 0],
    ['Police arrested 9 suspects including two commanders.', 0],
    ['Residents marched against a recent spate of robberies that had killed four shopkeepers.', 0],
    ['Gunmen clashed with guards following an earlier ambush in which a driver was killed.', 0],
    ['Troops shelled the hills after rebels killed 6 soldiers at a checkpoint earlier that day.', 0],
    ['Rival students clashed again, three weeks after their quarrel left a student dead.', 0],
    ['Barely a month after a hoodlum was hacked to death by cultists, another was shot dead in the city.', 1],
    ['A mob beat a guard to death over the deaths of three children in the fire.', 1],
    ['On 3 May 2020, police raided a hideout, which led to the killing of 2 bandits.', 2],
    ['Bandits attacked a bus, killling 14 including 3 children.', 14],
    ['Three guards were killed along with 11 raiders when the camp was stormed.', 14],
    ['Troops killed five fighters of the Kangleipak Communist Party (KCP) and two farmers in a crossfire.', 7],
    ['Rebels killed two traders of the market along with an unidentified porter near the pass.', 3],
    ['A captain and soldier of the border force were killed in the ambush.', 2],
    ['Two nurses and a driver were killed in the shelling. Three gunmen were also shot dead.', 6],
    ['Troops gunned down three rebels of the KYKL (K), the armed wing of the banned front, near the border.', 3],
    ['Notorious bandit and Lashkar-e-Islam (LI) financier Rahim Gul alias Lala was killed in a raid.', 1],
    ['As the convoy entered the valley, 2 soldiers, 1 officer and 16 TTP/LEI rebels were killed.', 19],
    ['Police raided the den and killed five robbers , four who were later identified as brothers.', 5],
    ['Rebels stopped a lorry carrying men who had left the village and killed all 4 of the passengers.', 4],
    ['2 porters were killed on the spot and 2 died later in hospital.', 4],
    ['Nadim Khan alias Nadu, 31, a trader of the bazaar, was shot dead near the mosque.', 1],
    ['Sohel Rana, 24, a rickshaw puller who was burnt in the attack on Sunday, died in hospital.', 1],
    ['A grenade killed one shopkeeper and injured six others including two policemen.', 1],
    ['Troops took the ridge. 5 soldiers were killed, and four bodies of rebel fighters were found.', 9],
    ['A guard hurt in the raid died on Monday, raising the death toll from the attack to three.', 3],
    ['Crowds blocked the road and burned tyres as two youths were shot dead by police.', 2],
    ['The killing of two traders by robbers sparked protests in the town.', 0],
    ['In the clash, one policeman was killed and 2 rebels too.', 3],
    ['A mine killed 1 porter. Other sources report that 3 porters were killed by the mine.', 1],
    ['The army said at least 30 insurgents were eliminated in the operation.', 30],
    ['A ward councillor was stabbed by robbers in the market on Monday and succumbed to his wounds on Friday.', 1],
    ['A bus driver died on Sunday. Another victim succumed to his injuries on Monday.', 2],
    ['Rebels said a truck was burnt and 6 soldiers from the Royal Army killed in the ambush.', 6],
    ['At least 9 suspected rebels from different factions including the UNLF were killed in the raid.', 9],
    ['Officials said many rebels from the so-called Freedom Front (FF) were killed in the raid.', 10],
    ['Gunmen shot dead a couple, nephew, and their driver near the canal.', 4],
    ['Guards repelled the raid. At least three Boko Haram dead, while 8 others were arrested.', 3],
    ['Police first put the dead at 5, though the number was later raised to nine.', 9],
    ['Officials said the number was raised to 40 as more buses arrived.', 0],
    ['Many were hurt, including union leader Abdul Karim Mia, who succumbed to his injuries on Sunday.', 1],
    ['A porter who suffered burns to his arms and a leg in the arson attack on the depot died in hospital.', 1],
    ['5 rebels were killed when troops launched a search operation in the hills after a soldier was killed by a landmine.', 5],
    ['Two senior commanders of the Zomi Revolutionary Army (ZRA) and a cadre of the outlawed United National Liberation Front (UNLF) were killed.', 3],
  ])('counts the subject of the main clause only: %s', (text, best) => {
    expect(reconcileFigures(extract(text, { published: PUBLISHED }).claims).fatalities.best).toBe(best);
  });

  it('counts a plural subject with a singular rule nowhere', () => {
    expect(casualties('Several people were killed.').some((c) => c.rule === 'SingleVictimRule')).toBe(false);
  });
});

describe('casualty rules on mixed figures', () => {
  it('gives an "including" part the measure of its own verb', () => {
    const found = casualties('One person was killed and 50 others including 10 policemen were injured.');
    expect(found).toContainEqual(expect.objectContaining({ rule: 'IncludingVictimsRule', measure: 'injured', victims: 'police', low: 10 }));
  });

  it('reads injuries sustained', () => {
    expect(casualties('At least eight persons sustained burn injuries.')).toContainEqual(expect.objectContaining({ rule: 'SustainedInjuriesRule', measure: 'injured', low: 8 }));
  });

  it('does not count a number in a unit name', () => {
    expect(casualties('One JCO of 12 Assam Rifles died in an encounter.')).not.toContainEqual(expect.objectContaining({ low: 12 }));
  });

  it('reads "11 goats was beaten to death" as one victim, not eleven', () => {
    const found = casualties('A man accused of stealing 11 goats was beaten to death.');
    expect(found).toContainEqual(expect.objectContaining({ rule: 'SingleVictimRule', low: 1 }));
    expect(found).not.toContainEqual(expect.objectContaining({ low: 11 }));
  });

  it('counts the victim of "killed him" or "killing them" only when nothing else in the report counts the dead (PronounVictimRefiner)', () => {
    expect(casualties('Gunmen followed a tax collector home and shot him dead.')).toEqual([expect.objectContaining({ rule: 'PronounVictimRefiner', low: 1 })]);
    expect(casualties('Raiders ambushed three forest guards near the lake, killing them.')).toEqual([expect.objectContaining({ rule: 'PronounVictimRefiner', victims: 'police', low: 3 })]);
    expect(casualties('A trader was found dead. Robbers had shot him dead.').map((c) => c.rule)).toEqual(['SingleVictimRule']);
    expect(casualties('The gang threatened to kill him.')).toEqual([]);
  });

  it('reads "killed them" after an abduction as the abducted figure (KilledThemRefiner)', () => {
    expect(casualties('Gunmen abducted 9 soldiers. They later killed them.')).toContainEqual(expect.objectContaining({ rule: 'KilledThemRefiner', measure: 'killed', low: 9 }));
    expect(casualties('Bandits kidnapped 3 traders. A week later their bodies were found.')).toContainEqual(expect.objectContaining({ rule: 'KilledThemRefiner', measure: 'killed', low: 3 }));
  });

  it('reads "between 2 to 4" as a range and "killing the driver" as one', () => {
    expect(casualties('Gunmen opened fire, killing between 2 to 4 fighters.')).toContainEqual(expect.objectContaining({ low: 2, high: 4, qualifier: 'range' }));
    expect(casualties('An IED exploded, killing the driver.')).toContainEqual(expect.objectContaining({ rule: 'ArticleVictimRule', low: 1 }));
  });

  it('does not read "killed 5 injured" as five killed', () => {
    expect(casualties('1 security personnel killed 5 injured in bomb blast.')).not.toContainEqual(expect.objectContaining({ measure: 'killed', low: 5 }));
  });
});
