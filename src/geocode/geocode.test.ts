import { describe, expect, it } from 'vitest';
import { geocode, lookupName, type GeocodeResult } from './index.js';

const RAQQA = { name: 'Ar Raqqah', country: 'Syria', geonameId: 172955 };

function placeOf(result: GeocodeResult) {
  const p = result.place;
  return p && { name: p.name, admin1: p.admin1, country: p.country, precision: p.geoPrecision };
}

describe('lookupName', () => {
  it.each(['al-Raqqa', 'Ar-Raqqa', 'Raqqa', 'Raqqah', 'Rakka', 'ar-Raqqah'])('finds Ar Raqqah, Syria as "%s"', (spelling) => {
    const town = lookupName(spelling).find((c) => c.kind === 'town' && c.country === 'Syria');
    expect(town).toMatchObject({ name: RAQQA.name, country: 'Syria', geonameId: RAQQA.geonameId });
    expect(town?.lat).toBeCloseTo(35.95, 1);
    expect(town?.lon).toBeCloseTo(39.01, 1);
  });

  it('knows Kobani as Ayn al-Arab', () => {
    const kobani = lookupName('Kobani').find((c) => c.geonameId === 172256);
    expect(kobani).toMatchObject({ name: '‘Ayn al ‘Arab', admin1: 'Aleppo', country: 'Syria' });
    expect(lookupName('Ayn al-Arab')[0]?.geonameId).toBe(172256);
  });

  it.each(['Deir ez-Zor', 'Dayr az Zawr', 'Deir al-Zour'])('finds the town and the governorate of Deir ez-Zor as "%s"', (spelling) => {
    const found = lookupName(spelling);
    expect(found.find((c) => c.kind === 'town')?.geonameId).toBe(170794);
    expect(found.find((c) => c.kind === 'admin1')).toMatchObject({ name: 'Deir ez-Zor', country: 'Syria' });
  });

  it('puts a district without a capital on the town it is named after', () => {
    const [district, town] = ['admin2', 'town'].map((kind) => lookupName('Kyaukme').find((c) => c.kind === kind && c.admin1 === 'Shan' && !c.village));
    expect(district).toMatchObject({ lat: town?.lat, lon: town?.lon });
  });

  it('ranks own names before other names, and larger places first', () => {
    const [first, second] = lookupName('Tripoli');
    expect(first).toMatchObject({ name: 'Tripoli', country: 'Libya', kind: 'admin1' });
    expect(second).toMatchObject({ name: 'Tripoli', country: 'Libya', kind: 'town' });
    expect(lookupName('Nowhere Xyzzyville')).toEqual([]);
  });
});

describe('geocode: spellings', () => {
  it.each(['al-Raqqa', 'Ar-Raqqa', 'Raqqa', 'Raqqah', 'Rakka', 'ar-Raqqah'])('places "Air strikes hit %s" in Ar Raqqah', (spelling) => {
    const result = geocode(`Air strikes hit ${spelling} on Tuesday, killing nine people.`);
    expect(placeOf(result)).toEqual({ name: RAQQA.name, admin1: 'Ar Raqqah', country: 'Syria', precision: 1 });
    expect(result.place?.latitude).toBeCloseTo(35.95, 1);
    expect(result.place?.longitude).toBeCloseTo(39.01, 1);
  });

  it.each(['Kobani', 'Ayn al-Arab'])('places "%s" in ‘Ayn al ‘Arab', (name) => {
    expect(geocode(`Fighters entered ${name} on Monday.`).place?.geonameId).toBe(172256);
  });

  it.each(['Deir ez-Zor', 'Dayr az Zawr', 'Deir al-Zour'])('places "%s" in Deir ez-Zor', (name) => {
    expect(geocode(`Shelling hit ${name} overnight.`).place).toMatchObject({ name: 'Deir ez-Zor', country: 'Syria', geonameId: 170794 });
  });
});

describe('geocode: ACLED geo precision', () => {
  it('1: the town itself, with a named site kept in sites', () => {
    const result = geocode('Regime warplanes struck al-Hani mosque in Raqqa on Tuesday.');
    expect(placeOf(result)).toEqual({ name: 'Ar Raqqah', admin1: 'Ar Raqqah', country: 'Syria', precision: 1 });
    expect(result.place?.sites).toEqual(['al-Hani mosque']);
    expect(result.evidence.map((e) => e.rule)).toContain('SiteMention');
  });

  it.each([
    ['Clashes broke out near Mosul on Friday.', 'Mosul', 'Iraq', 'near'],
    ['Shelling hit the outskirts of Aleppo.', 'Aleppo', 'Syria', 'outskirts'],
    ['Rebels advanced in the Idlib countryside.', 'Idlib', 'Syria', 'countryside'],
    ['Barrel bombs fell on eastern Aleppo.', 'Aleppo', 'Syria', 'district'],
    // A police station names the area it serves.
    ['Two men were shot dead at a village under Moirang police station.', 'Moirāng', 'India', 'district'],
    // The widest descriptor wins: "Sadar Upazila", not "Sadar" leaving "Upazila" as an unknown name.
    ['Assailants threw petrol bombs at a truck in Chandpur Sadar Upazila.', 'Chandpur', 'Bangladesh', 'district'],
  ])('2: "%s"', (text, name, country, modifier) => {
    const result = geocode(text);
    expect(result.place).toMatchObject({ name, country, geoPrecision: 2 });
    expect(result.mentions[0]?.modifier).toBe(modifier);
  });

  it('2: a district named with the province', () => {
    const result = geocode('Taliban fighters attacked a police checkpoint in Gereshk district of Helmand province overnight.');
    expect(placeOf(result)).toEqual({ name: 'Gereshk', admin1: 'Helmand', country: 'Afghanistan', precision: 2 });
  });

  it('2: a part of a town named before it ("Palanpur area of Surat city"), even when a town elsewhere has its name', () => {
    const result = geocode('Migrant workers held a protest in Palanpur area of Surat city against their landlords.');
    expect(placeOf(result)).toEqual({ name: 'Surat', admin1: 'Gujarat', country: 'India', precision: 2 });
    expect(result.evidence[2]?.note).toMatch(/"Palanpur", a part of it/);
  });

  it('2: a place whose namesakes all lie outside the larger place named as holding it is in that larger place (HeldByOuterPlace)', () => {
    const district = geocode('Gunmen attacked a checkpoint in Kalafgan district, Badakhshan.');
    expect(placeOf(district)).toEqual({ name: 'Badakhshan', admin1: 'Badakhshan', country: 'Afghanistan', precision: 3 });
    expect(district.reason).toMatch(/HeldByOuterPlace: "Kalafgan district" is held by it/);
    // Takhar has a Baharak district too (the village it is named after places it).
    expect(placeOf(geocode('Gunmen attacked a checkpoint in Baharak district, Takhar.'))).toEqual({ name: 'Bahārak', admin1: 'Takhar', country: 'Afghanistan', precision: 2 });
    // A town holds a name with namesakes in a chain ("village, town, province"), not a list, nor a name it does not hold.
    const village = geocode('Police raided a house in Barangay Tuburan, Tulunan, Cotabato.');
    expect(placeOf(village)).toMatchObject({ name: 'Tulunan', precision: 2 });
    expect(village.evidence[2]).toMatchObject({ text: 'Barangay Tuburan', rule: 'GeoPrecisionRule' });
    expect(village.evidence[2]?.note).toMatch(/Tuburan, Autonomous Region in Muslim Mindanao, Philippines \(town, GeoNames \d+\) lies outside it: a namesake/);
    expect(village.reason).toMatch(/HeldByOuterPlace: "Barangay Tuburan" is held by it/);
    expect(geocode('Students marched in Assiut, Alexandria, and Suez.').place?.name).toBe('Asyūţ');
    expect(geocode('Police shot a man in Loralai, Zhob, Balochistan.').place?.name).toBe('Loralai');
    // A large town with large namesakes elsewhere ("Valencia") is no firm clue against the town holding it.
    expect(placeOf(geocode('A policeman was shot in Valencia, Sangre Grande on Sunday.'))).toMatchObject({ name: 'Sangre Grande', precision: 2 });
    // A district named holds what lies in its region, even when only its town is known.
    expect(placeOf(geocode('A worker was shot dead in Katwa in Burdwan district.'))).toMatchObject({ name: 'Kātoya', precision: 1 });
    // "X under Y upazila": the unit that administers the village holds it.
    const under = geocode('Two groups of villagers clashed at Ratanpur village under Habiganj sadar upazila over a pond.');
    expect(placeOf(under)).toMatchObject({ name: 'Habiganj', country: 'Bangladesh', precision: 2 });
    expect(under.evidence[2]).toMatchObject({ text: 'Ratanpur village', rule: 'GeoPrecisionRule' });
  });

  it('a place and the larger place written as holding it choose readings that agree ("Ketou, Plateau": Benin, not Nigeria)', () => {
    expect(placeOf(geocode('Herders clashed with farmers at a market (Ketou, Plateau) on Sunday.'))).toMatchObject({ name: 'Kétou', country: 'Benin', precision: 1 });
  });

  it('without a locative word, a small place in a country no clue points to is a namesake when terms point elsewhere', () => {
    const result = geocode('Police dispersed CORD protesters in "Nyanza region" on Monday.');
    expect(result.place).toMatchObject({ country: 'Kenya', latitude: null });
    expect(result.reason).toMatch(/known names no clue backs: "Nyanza region" \(Nyanza, Southern, Rwanda/);
    // A town called so outright stands.
    expect(geocode('Police shot an al-Shabaab suspect in the coastal town of Kwale.').place).toMatchObject({ name: 'Kwale', country: 'Kenya' });
    // "Ward" alone is a unit word, no place.
    expect(geocode('A bomb went off outside the house of the Ward No-12 councillor.').place).toBeNull();
  });

  it('a town whose region bears exactly the name written is named by it, even without a locative word ("Taizz" for Taiz)', () => {
    expect(placeOf(geocode('Gunmen abducted a trader from a shop near the old gate, Taizz, on Friday.'))).toMatchObject({ name: 'Taiz', country: 'Yemen', precision: 1 });
  });

  it('a place whose name only names a site ("Aleppo Street") gives way to a large place named outright', () => {
    expect(geocode('Mortar shells hit shops on Aleppo Street, Damascus, on Sunday.').place?.name).toBe('Damascus');
    expect(geocode('Protesters gathered at Mosul Square, Baghdad, on Friday.').place?.name).toBe('Baghdad');
    // Named again on its own, it is a place of the report.
    expect(geocode('Workers blocked the Mosul Square road (Mosul) and marched to the Baghdad Metro.').place?.name).toBe('Mosul');
  });

  it('a large town whose name places elsewhere share, in a country the clues contradict, locates the incident only when no other place does', () => {
    // "Kandi" is largest in Benin; the report is about Bangladesh ("upazila", Gopalganj), which has a Kandi village by Gopalganj.
    expect(placeOf(geocode('Ten people were hurt in a clash at Kandi village under Muksudpur upazila in Gopalganj district.'))).toMatchObject({ name: 'Kandi', admin1: 'Dhaka', country: 'Bangladesh' });
    // A town with no namesake stands ("Afghan Taliban" point to Afghanistan).
    // (An Afghan clue lifts the village "Peshawur" in Nuristan above the city; no clue backs it over its namesakes.)
    const city = geocode('An Afghan Taliban commander from Nangarhar was shot dead in Peshawar.');
    expect(city.place?.name).toBe('Peshawar');
    expect(city.evidence[1]?.rule).toBe('UnbackedVillageDisambiguation');
  });

  it('reads a possessive written without its apostrophe before the name of a part ("Benghazis Ganfouda district")', () => {
    expect(geocode('The camp in Benghazis Ganfouda district fell to the army.').place).toMatchObject({ name: 'Benghazi', country: 'Libya' });
    expect(geocode('Clashes erupted in Tripolis Salahadeen district overnight.').place).toMatchObject({ name: 'Tripoli', country: 'Libya' });
    expect(geocode('Residents of Kansas City protested.').place?.name).toBe('Kansas City');
  });

  it('reads a unit word after a name as a descriptor, not as a place of that name ("Lamu Island")', () => {
    expect(geocode('Militants attacked a base of Kenyan troops in Lamu Island near the Somalia border.').place).toMatchObject({ name: 'Lamu', country: 'Kenya' });
  });

  it("2: a part of a town named after a possessive (Karachi's Lyari area)", () => {
    expect(placeOf(geocode("Police fired tear gas at protesters in Karachi's Lyari area."))).toEqual({
      name: 'Karachi',
      admin1: 'Sindh',
      country: 'Pakistan',
      precision: 2,
    });
  });

  it('3: only the province, placed on its capital', () => {
    const result = geocode('Fighting continued in Raqqa province.');
    expect(placeOf(result)).toEqual({ name: 'Ar Raqqah', admin1: 'Ar Raqqah', country: 'Syria', precision: 3 });
    expect(result.place?.latitude).toBeCloseTo(35.95, 1);
    expect(result.evidence.find((e) => e.rule === 'GeoPrecisionRule')?.note).toMatch(/only the province/);
  });

  it('a country alone: the country with no coordinates, precision 3', () => {
    const result = geocode('Violence continued across Syria on Monday.');
    expect(result.place).toMatchObject({ name: 'Syria', country: 'Syria', admin1: null, latitude: null, longitude: null, geoPrecision: 3 });
    expect(result.reason).toMatch(/only the country Syria/);
  });

  it('no place: null, and says why', () => {
    const result = geocode('Protesters gathered to demand higher wages.');
    expect(result.place).toBeNull();
    expect(result.reason).toMatch(/no place the gazetteer knows/);
    const unknown = geocode('Fighting raged in Xyzzyville.');
    expect(unknown.place).toBeNull();
    expect(unknown.reason).toMatch(/unknown names: "Xyzzyville"/);
  });

  it.each([
    ['Activists of the Bhartiya Kisan Union blocked the highway over power cuts.', 'India'],
    ['Supporters of Najib Mikati clashed with rioters outside his house.', 'Lebanon'],
    ['Gunmen on camels attacked herders in East Jebel Marra.', 'Sudan'],
    ['A Sinhala mob torched Muslim-owned shops.', 'Sri Lanka'],
    ['Students of the ABFSU marched against the education law.', 'Myanmar'],
    ['Members of the Ijaw Youth Council occupied a radio station.', 'Nigeria'],
    ['CITU members marched against the new labour code.', 'India'],
    ['Gunmen affiliated with Islah detained a street vendor.', 'Yemen'],
    ['Rival councillors clashed outside the pourashava office.', 'Bangladesh'],
    ['Unknown gunmen shot dead a local leader of the ANP.', 'Pakistan'],
    ['Sanitation workers besieged the District Collector’s office.', 'India'],
  ])('a term used in one country (data/geocode/country-terms.tsv) gives it: %s', (text, country) => {
    expect(geocode(text).place).toMatchObject({ country, latitude: null });
  });

  it('a term used in one region gives the region: Hafiz Gul Bahadur and NWA, Khyber Pakhtunkhwa; SSA, Shan; DMCH, Dhaka', () => {
    expect(placeOf(geocode('Militants of the Hafiz Gul Bahadur group attacked a checkpost at night.'))).toMatchObject({ name: 'Khyber Pakhtunkhwa', precision: 3 });
    expect(placeOf(geocode('Government troops and the SSA fought for two days.'))).toMatchObject({ name: 'Shan', country: 'Myanmar', precision: 3 });
    expect(placeOf(geocode('Two bystanders hurt by a crude bomb were taken to DMCH.'))).toMatchObject({ name: 'Dhaka', country: 'Bangladesh', precision: 3 });
    expect(placeOf(geocode('A drone struck a compound in NWA overnight.'))).toMatchObject({ name: 'Khyber Pakhtunkhwa', precision: 3 });
    expect(placeOf(geocode('Villagers attacked a group of BPF supporters.'))).toMatchObject({ name: 'Assam', precision: 3 });
  });

  it("the demonym of forces weighs half among clues to the country: they often fight abroad", () => {
    const result = geocode('A Bangladeshi farmer was shot dead by Indian border guards on the frontier.');
    expect(result.place).toMatchObject({ country: 'Bangladesh', latitude: null });
    expect(result.reason).toMatch(/clues to Bangladesh \("Bangladeshi"\) outweigh those to other countries \("Indian"; demonyms of forces weigh half\)/);
    expect(geocode('Al Shabaab fighters ambushed a convoy of Kenyan troops near the border.').place).toMatchObject({ country: 'Somalia' });
  });

  it('clues that all point to one country give that country, with no coordinates', () => {
    const result = geocode('Syrian warplanes bombed the area.');
    expect(result.place).toMatchObject({ country: 'Syria', latitude: null, geoPrecision: 3 });
    expect(result.reason).toMatch(/only clues to one country \("Syrian"\): Syria/);
    expect(geocode('Syrian and Iraqi forces met.').place).toBeNull();
  });

  it('codes a loose spelling of a place only with a clue to its country; a close one stands alone', () => {
    // "Geo" is a loose spelling of Gao (Mali).
    const loose = geocode('Journalists protested outside Geo office.');
    expect(loose.place).toBeNull();
    expect(loose.reason).toMatch(/known names no clue backs: "outside Geo" \(.+\((village|town), GeoNames \d+\), by (name|spelling)\)/);
    expect(geocode('Journalists protested outside Geo office, Malian police said.').place).toMatchObject({ name: 'Gao', country: 'Mali' });
    expect(geocode('Protesters blocked the highway in Jaccobabad.').place).toMatchObject({ name: 'Jacobabad', country: 'Pakistan' });
  });

  it('does not code another name or a spelling of a place abroad when clues point to other countries', () => {
    // "Marabo" is one of Malabo's other names; FARDC is the Congolese army.
    expect(geocode('FARDC soldiers clashed with a militia in Marabo.').place).toMatchObject({ country: 'Democratic Republic of Congo', latitude: null });
    expect(geocode('Residents of Kafe burned a police post after a prisoner died in the custody of the Congolese police.').place?.country).toBe('Democratic Republic of Congo');
    // A demonym naming forces is no such clue: forces often act abroad.
    expect(geocode('Turkish forces shelled villages near Kobani.').place).toMatchObject({ country: 'Syria', geoPrecision: 2 });
    expect(geocode('Turkish police raided houses near Kobani.').place?.country).toBe('Turkey');
  });

  it('prefers a place known by exactly the name written to a larger place elsewhere spelled alike', () => {
    expect(geocode('A roadside bomb exploded in Wana on Monday.').place).toMatchObject({ name: 'Wana', country: 'Pakistan' });
    expect(geocode('Two bombs exploded near the OSCE SMM patrol near Luhanske.').place).toMatchObject({ name: 'Luhanske', admin1: 'Donetsk' });
  });

  it('keeps the places of a name in the country of the unit word that follows it ("Madan upazila")', () => {
    expect(geocode('Two people were killed in a clash at a village in Madan upazila.').place).toMatchObject({ country: 'Bangladesh', latitude: null });
  });

  it('knows a district named after its town by the town\'s other names ("Poonch" for Punch district)', () => {
    expect(lookupName('Poonch').find((c) => c.country === 'India')).toMatchObject({ name: 'Punch', kind: 'admin2', score: 0.8 });
  });

  it('reads no place in a unit word alone ("Orangi Town")', () => {
    expect(geocode('A worker was shot dead in Orangi Town on Friday.').place).toBeNull();
  });

  it('knows districts of which the gazetteer has no town, after a unit word only (SEATLESS_DISTRICT)', () => {
    const agency = geocode('Militants blew up a school in Mohmand Agency.');
    expect(agency.place).toMatchObject({ name: 'Mohmand', admin1: 'Khyber Pakhtunkhwa', country: 'Pakistan', latitude: null, geoPrecision: 2 });
    expect(agency.evidence[2]?.note).toMatch(/has none of its towns; coordinates left empty/);
    // Banadir is Mogadishu: its districts are placed on it.
    const district = geocode('Mortar shells hit a village in Hodan district.');
    expect(placeOf(district)).toEqual({ name: 'Hodan', admin1: 'Banadir', country: 'Somalia', precision: 2 });
    expect(district.place?.latitude).toBeCloseTo(2.04, 1);
    expect(geocode('Fighting was reported in Hodan.').place?.country).not.toBe('Somalia');
    // Named with a place that holds it, the district gives way to that place.
    const commune = geocode('Militiamen attacked a party leader in Gashoho commune (Muyinga).');
    expect(placeOf(commune)).toEqual({ name: 'Muyinga', admin1: 'Muyinga', country: 'Burundi', precision: 2 });
    expect(commune.evidence[2]).toMatchObject({ text: 'Gashoho commune', rule: 'GeoPrecisionRule' });
  });

  it('carries a list started by a locative word through unknown names ("near Lwibo (Bashali, Nord-Kivu)")', () => {
    const result = geocode('Gunmen killed two farmers near Lwibo (Bashali, Nord-Kivu) on Monday.');
    expect(result.mentions.map((m) => [m.text, m.rule])).toEqual([
      ['near Lwibo', 'LocativePrepositionMention'],
      ['Bashali', 'LocativePrepositionMention'],
      ['Nord-Kivu', 'LocativePrepositionMention'],
    ]);
    expect(placeOf(result)).toEqual({ name: 'North Kivu', admin1: 'North Kivu', country: 'Democratic Republic of Congo', precision: 3 });
  });

  it('knows regions by the spellings reports use (data/geocode/regions.tsv)', () => {
    expect(lookupName('Suqutra')[0]).toMatchObject({ name: 'Soqatra', kind: 'admin1', country: 'Yemen' });
    expect(lookupName('Fizuli').find((c) => c.kind === 'admin1')).toMatchObject({ name: 'Fuzuli', country: 'Azerbaijan', score: 0.8 });
  });

  it('knows "Lao" as a demonym and KRRS as a Karnataka term', () => {
    expect(geocode('Lao authorities imposed a curfew after a spate of violence.').place).toMatchObject({ country: 'Laos', latitude: null });
    expect(placeOf(geocode('KRRS members began a hunger strike.'))).toEqual({ name: 'Karnataka', admin1: 'Karnataka', country: 'India', precision: 3 });
  });

  it('knows an admin unit by its GeoNames name with the unit word as an exact name ("Khyber Agency")', () => {
    expect(lookupName('Khyber Agency')[0]).toMatchObject({ name: 'Khyber', kind: 'admin2', country: 'Pakistan', score: 0.8 });
    expect(placeOf(geocode('Militants attacked a checkpost in Khyber Agency.'))).toEqual({ name: 'Khyber', admin1: 'Khyber Pakhtunkhwa', country: 'Pakistan', precision: 2 });
  });

  it('does not code a large town by one of its other names without a locative word', () => {
    expect(geocode('Members of Kilos Na Homeless and Liga ng mga Manggagawa gathered to mark Labor Day.').place?.name).not.toBe('Riga');
  });

  it('reads "the Somali capital" or "the capital" in a report about one country as its capital, precision 1', () => {
    const result = geocode('At least 11 people were killed when a car bomb exploded outside a hotel in the Somali capital.');
    expect(placeOf(result)).toEqual({ name: 'Mogadishu', admin1: 'Banadir', country: 'Somalia', precision: 1 });
    expect(result.evidence[0]).toMatchObject({ rule: 'CapitalMention', text: 'the Somali capital' });
    expect(geocode('A bomb exploded in the capital, Syrian state media said.').place?.name).toBe('Damascus');
    expect(geocode('A bomb exploded in the capital.').place).toBeNull();
  });

  it("does not take another incident's place when the incident's own sentences name none", () => {
    const text = 'A car bomb exploded outside a hotel in the capital, killing 11 people. In a separate incident, gunmen shot dead a commissioner in Baidoa.';
    const focus = [{ start: 0, end: 70 }];
    expect(geocode(text, { focus }).place?.name).toBe('Baidoa');
    expect(geocode(text, { focus, elsewhere: [{ start: 71, end: text.length }] }).place?.name).not.toBe('Baidoa');
  });

  it('terms used in one country only (parties, units, offices) are clues to it; a clear majority of clues gives the country', () => {
    const result = geocode('Awami League activists clashed with BNP men at a village in the upazila.');
    expect(result.place).toMatchObject({ country: 'Bangladesh', latitude: null, geoPrecision: 3 });
    expect(result.evidence[0]).toMatchObject({ rule: 'CountryTermClue', text: 'Awami League' });
    // Acronyms count in capitals only: "rab" is not Bangladesh's Rapid Action Battalion.
    expect(geocode('They said rab was there.').place).toBeNull();
    expect(geocode('Syrian and Iraqi forces met, SOHR said.').place).toMatchObject({ country: 'Syria' });
    // Acronyms joined by hyphens still count.
    expect(geocode('Pro-BNP lawyers demonstrated on the court premises.').place).toMatchObject({ country: 'Bangladesh' });
  });

  it('terms used in one region only give that region, with its coordinates, precision 3', () => {
    const result = geocode('Fighting broke out between the TNLA and the Burma Army. No casualties were reported.');
    expect(placeOf(result)).toEqual({ name: 'Shan', admin1: 'Shan', country: 'Myanmar', precision: 3 });
    expect(result.place?.latitude).not.toBeNull();
    expect(result.evidence[0]).toMatchObject({ rule: 'RegionTermClue', text: 'TNLA' });
    // A term used in two regions gives neither, but picks the namesake there.
    const village = geocode('The OSCE SMM observed two explosions near Novooleksandrivka.');
    // (Dozens of villages of the name lie in both regions: a tie, so the GeoNames town of the name there.)
    expect(village.place).toMatchObject({ admin1: 'Luhansk', geoPrecision: 2 });
    expect(village.evidence[1]?.rule).toMatch(/Disambiguation$/);
    // A village of the name only elsewhere in the country is a namesake: the gazetteer lacks the front-line one.
    expect(geocode('The OSCE SMM observed 24 explosions near Vodiane.').place).toMatchObject({ country: 'Ukraine', latitude: null });
    // Terms from two regions leave only the country.
    expect(geocode('The KIA and the TNLA fought the Burma Army.').place).toMatchObject({ country: 'Myanmar', admin1: null });
  });

  it('a region of one country named inside an organisation or a longer name gives that region', () => {
    const result = geocode('Members of the Karnataka Rajya Raitha Sangha staged a dharna in front of the post office.');
    expect(placeOf(result)).toEqual({ name: 'Karnataka', admin1: 'Karnataka', country: 'India', precision: 3 });
    expect(result.evidence[0]).toMatchObject({ rule: 'RegionInNameClue', text: 'Karnataka' });
  });

  it("reads the capital's X area in a report about one country as its capital", () => {
    expect(geocode("A bomb went off in the capital's Kadamtoli area during the BNP blockade.").place?.name).toBe('Dhaka');
    // Also when a namesake in a country the clues contradict bears the name ("Hazaribagh", India).
    expect(geocode("A crude bomb went off in the capital's Hazaribagh area during the BNP blockade.").place?.name).toBe('Dhaka');
  });

  it('a name found in one country only, the country the report points to, is the place (OneCountryNameMention)', () => {
    const result = geocode('Students of the Forest College and Research Institute, Mettupalayam, continued their protest.');
    expect(placeOf(result)).toEqual({ name: 'Mettupalayam', admin1: 'Tamil Nadu', country: 'India', precision: 1 });
    expect(result.evidence[0]).toMatchObject({ rule: 'OneCountryNameMention', text: 'Mettupalayam' });
    expect(result.reason).toMatch(/known in India only/);
    // Not the last word of a person's name, nor a village off the front line that terms point to.
    expect(geocode('Police said Abdul Aziz was found dead on the road.').place).toBeNull();
    expect(geocode('The OSCE SMM observed 24 explosions near Vodiane.').place).toMatchObject({ country: 'Ukraine', latitude: null });
    // "Principal" is a word, though Cape Verde has a village so named.
    expect(geocode('Pupils locked the school Principal in his office.').place).toBeNull();
    // A term used in one country outweighs it, and a namesake does not vouch for the name ("Sadar upazila" ... "Sadar Hospital").
    expect(geocode('Assailants hurled a bomb at Nayagola in Sadar upazila. The injured were taken to Sadar Hospital.').place).toMatchObject({ country: 'Bangladesh' });
  });

});

describe('geocode: villages', () => {
  it('places a village the region named backs, and a spelling of a village no other place bears', () => {
    expect(placeOf(geocode('Clashes in Nyabiondo, Masisi territory, North Kivu.'))).toEqual({ name: 'Nyabiondo', admin1: 'North Kivu', country: 'Democratic Republic of Congo', precision: 1 });
    expect(placeOf(geocode('Overnight shelling of Dolomytne damaged two houses.'))).toEqual({ name: 'Dolomitne', admin1: 'Donetsk', country: 'Ukraine', precision: 1 });
  });

  it('codes the district holding a village no gazetteer knows, precision 2, and says so', () => {
    const result = geocode('Clashes near Lwibo, Masisi territory.');
    expect(placeOf(result)).toEqual({ name: 'Masisi', admin1: 'North Kivu', country: 'Democratic Republic of Congo', precision: 2 });
    expect(result.evidence[2]).toMatchObject({ text: 'near Lwibo', rule: 'GeoPrecisionRule' });
    expect(result.evidence[2]?.note).toMatch(/which the gazetteer does not place/);
  });

  it('codes no village that only ties with its namesakes, nor one a capitalised word names without a locative word', () => {
    // Madan upazila has three namesake villages in Bangladesh, none backed by a clue: the country only.
    expect(geocode('Two people were killed in a clash at a village in Madan upazila.').place).toMatchObject({ country: 'Bangladesh', latitude: null });
    // "Jubo" is a village in Pakistan, and the first word of a Bangladeshi party's youth wing.
    expect(geocode('A local Jubo League leader was shot in the city.').place).toMatchObject({ country: 'Bangladesh', latitude: null });
    // A short name one letter off a village of Tanzania is no place to code.
    expect(geocode('A worker was shot dead in Orangi Town on Friday.').place).toBeNull();
  });

  it('takes the country of a village not coded when every place of its name lies there, over demonyms of forces', () => {
    // Harpal is a village of Pakistan's Khyber Pakhtunkhwa only; Indian forces shoot across the border.
    expect(geocode('The Indian Border Security Force fired on border villages in Harpal sector.').place).toMatchObject({ country: 'Pakistan', latitude: null });
  });

  it('codes the region of namesake villages no clue tells apart when they all lie in it, precision 3', () => {
    const result = geocode('The OSCE SMM observed two explosions near Vasylivka.');
    expect(placeOf(result)).toEqual({ name: 'Donetsk', admin1: 'Donetsk', country: 'Ukraine', precision: 3 });
    expect(result.evidence[0]?.rule).toBe('TiedNamesakesRegion');
  });

  it('takes no clue from a word only a loose spelling makes a place ("Law Enforcement Agencies" is not Lahore)', () => {
    expect(placeOf(geocode('Law Enforcement Agencies raided a house in Turbat district.'))).toMatchObject({ name: 'Turbat', admin1: 'Balochistan', precision: 2 });
  });

  it('takes a country named outright for the country, not a village spelled like it', () => {
    expect(geocode('Saudi-led air strikes hit villages in western Yemen.').place).toMatchObject({ name: 'Yemen', latitude: null });
  });

  it('codes a village the report places in the district named as holding it', () => {
    expect(placeOf(geocode('An airstrike killed 10 militants in Laman area of Qala I Naw district, Badghis.'))).toMatchObject({ name: 'Laman', admin1: 'Badghis', precision: 2 });
  });

  it("reads a place inside an organisation's name written with a possessive as no place (\"the Luhansk People's Militia\")", () => {
    const text = "Ukrainian forces fired at the positions of the Luhansk People's Militia in the area of Sentianivka, Luhansk.";
    expect(placeOf(geocode(text))).toMatchObject({ name: 'Sentianivka', admin1: 'Luhansk', precision: 1 });
  });

  it('puts a village named in a larger place near it, else the larger place is the place', () => {
    // Layari, 200 km from Karachi, is no part of it.
    expect(placeOf(geocode("Police fired tear gas at protesters in Karachi's Lyari area."))).toMatchObject({ name: 'Karachi', precision: 2 });
  });
});

describe('geocode: disambiguation by the report', () => {
  it("reads regions by their local names (data/geocode/regions.tsv): Chile's 'Metropolitana', Cameroon's 'Extreme-Nord'", () => {
    expect(placeOf(geocode('Residents of Providencia, Metropolitana, banged pots against the government.'))).toMatchObject({ name: 'Providencia', country: 'Chile' });
    // A region's checked other name stands even when other clues point elsewhere ("Boko Haram": Nigeria).
    expect(placeOf(geocode('Boko Haram fighters burned a village in Extreme-Nord on Sunday.'))).toEqual({ name: 'Far North', admin1: 'Far North', country: 'Cameroon', precision: 3 });
    // Not one that regions of other countries share ("Central Region").
    expect(geocode('The Nepali Congress called a general strike in Central Region on Sunday.').place).toMatchObject({ country: 'Nepal', latitude: null });
  });

  it('a Tripoli in a report about Lebanon is in Lebanon', () => {
    const result = geocode('Two people were killed in Tripoli, Lebanese security sources said.');
    expect(placeOf(result)).toEqual({ name: 'Tripoli', admin1: 'North Lebanon', country: 'Lebanon', precision: 1 });
    const clue = result.evidence.find((e) => e.rule === 'CountryContextDisambiguation');
    expect(clue?.text).toBe('Lebanese');
    expect(clue?.note).toMatch(/over Tripoli, Tripoli, Libya/);
  });

  it('a Tripoli in a report about Libya is in Libya', () => {
    const result = geocode('Two people were killed in Tripoli as rival forces clashed across Libya.');
    expect(placeOf(result)).toEqual({ name: 'Tripoli', admin1: 'Tripoli', country: 'Libya', precision: 1 });
  });

  it('a place near the other places named wins (Da’el near Dar’a, not Deal in England)', () => {
    const result = geocode("Gunmen shot dead two civilians in the town of Da'el in the countryside of Dar'a.");
    expect(result.place).toMatchObject({ name: 'Dā‘il', country: 'Syria', geoPrecision: 1 });
    expect(lookupName("Da'el").find((c) => c.country === 'United Kingdom')).toBeDefined();
  });

  it('the province named picks the province', () => {
    const result = geocode('Government forces shelled the town of Saraqib in Idlib province on Monday.');
    expect(placeOf(result)).toEqual({ name: 'Sarāqib', admin1: 'Idlib', country: 'Syria', precision: 1 });
  });

  it('focus spans choose the incident place; other mentions are context', () => {
    const text = 'Shelling hit Homs on Monday. On Tuesday, two people were killed in Hama.';
    expect(geocode(text).place?.name).toBe('Homs');
    const focused = geocode(text, { focus: [{ start: text.indexOf('On Tuesday'), end: text.length }] });
    expect(focused.place?.admin1).toBe('Hama');
    expect(focused.place?.country).toBe('Syria');
  });

  it('a place named as where people came from is only context', () => {
    expect(geocode('Troops arrived from Damascus on Monday. Two people were killed by shelling in Homs.').place?.name).toBe('Homs');
  });
});

describe('geocode: conflict reports', () => {
  it.each([
    ['Syria', 'Government forces shelled the town of Saraqib in Idlib province on Monday, killing four civilians, the Syrian Observatory for Human Rights said.', 'Sarāqib', 'Idlib', 1],
    ['Iraq', 'A car bomb exploded at a market in Baquba, the capital of Diyala province, killing 12 people, Iraqi police said.', 'Baqubah', 'Diyala', 1],
    ['Yemen', 'Saudi-led coalition air strikes hit a wedding party near Hodeidah, killing 20 people, medics said.', 'Al Ḩudaydah', 'Al Hudaydah', 2],
    ['Afghanistan', 'Gunmen attacked Jalalabad, the capital of Nangarhar province, on Sunday.', 'Jalālābād', 'Nangarhar', 1],
    ['Nigeria', 'Boko Haram militants raided the village of Konduga, 35 km from Maiduguri, in Borno State.', 'Konduga', 'Borno', 1],
    ['Somalia', 'Al Shabaab fighters ambushed an AMISOM convoy outside Kismayo on Sunday.', 'Kismayo', 'Lower Juba', 2],
    ['Mexico', 'Gunmen killed five people in a bar in Culiacan, Sinaloa, on Saturday.', 'Culiacán', 'Sinaloa', 1],
    ['India', 'Two militants were killed in an encounter with security forces in Pulwama district of Jammu and Kashmir.', 'Pulwama', 'Jammu and Kashmir', 2],
    ['Pakistan', 'A suicide bomber struck a mosque in Peshawar, killing 30 worshippers.', 'Peshawar', 'Khyber Pakhtunkhwa', 1],
  ])('%s: %s', (country, text, name, admin1, precision) => {
    expect(placeOf(geocode(text))).toEqual({ name, admin1, country, precision });
  });

  it('codes the sample report on Raqqa with its sites and explains the choice', () => {
    const text = `At least 63 people have been killed in Syrian Government airstrikes on the Islamic State (IS) held north-eastern city of al-Raqqa.
According to the Syrian Observatory for Human Rights (SOHR), the regime warplanes carried out at least ten airstrikes on al-Hani mosque and the public market near the Museum Square on 25 November.
SOHR director Rami Abdulrahman said: "The majority of the strikes were in the eastern part of the city."`;
    const result = geocode(text);
    expect(placeOf(result)).toEqual({ name: 'Ar Raqqah', admin1: 'Ar Raqqah', country: 'Syria', precision: 1 });
    expect(result.place?.sites).toEqual(['al-Hani mosque', 'Museum Square']);
    const [mention, clue] = result.evidence;
    expect(mention).toMatchObject({ text: 'north-eastern city of al-Raqqa', rule: 'DescriptorMention' });
    expect(clue?.rule).toMatch(/Disambiguation$/);
    expect(text.slice(clue?.start, clue?.end)).toBe(clue?.text);
  });
});
