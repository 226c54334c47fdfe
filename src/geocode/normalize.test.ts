import { describe, expect, it } from 'vitest';
import { plainKey, soundKey, stripDescriptors, stripUnitWords } from './normalize.js';
import { dataRows } from '../util/data-file.js';

/** Spellings that each rule must make meet: [rule id, a spelling, another spelling]. */
const SOUND_EXAMPLES: Array<[string, string, string]> = [
  ['apostrophes-and-ayn', "Ma'rib", 'Ma’rib'],
  ['apostrophes-and-ayn', 'Maʿrib', 'Ma`rib'],
  ['apostrophes-and-ayn', 'Saʾda', 'Sada'],
  ['arabic-articles', 'al-Raqqa', 'Raqqa'],
  ['arabic-articles', 'AL RAQQA', 'raqqa'],
  ['arabic-articles', 'Ar-Raqqa', 'ar Raqqa'],
  ['arabic-articles', 'as-Suwayda', 'Suwayda'],
  ['arabic-articles', 'ash-Shaddadi', 'Shaddadi'],
  ['arabic-articles', 'ad-Dana', 'Dana'],
  ['arabic-articles', 'adh-Dhahiriya', 'Dhahiriya'],
  ['arabic-articles', 'at-Tall', 'Tall'],
  ['arabic-articles', 'az-Zabadani', 'Zabadani'],
  ['arabic-articles', 'an-Nabk', 'Nabk'],
  ['arabic-articles', 'El-Arish', 'Arish'],
  ['arabic-articles', 'Ayn al-Arab', 'Ayn Arab'],
  ['trailing-h', 'Raqqah', 'Raqqa'],
  ['trailing-h', 'Lashkar Gah', 'Lashkargah'],
  ['trailing-eh', 'Hasakeh', 'Hasake'],
  ['o-slash', 'Tromsø', 'Tromso'],
  ['ae-ligature', 'Ærø', 'Aero'],
  ['oe-ligature', 'Œuilly', 'Oeuilly'],
  ['sharp-s', 'Weißwasser', 'Weisswasser'],
  ['d-stroke', 'Đakovo', 'Dakovo'],
  ['l-stroke', 'Łódź', 'Lodz'],
  ['dotless-i', 'Diyarbakır', 'Diyarbakir'],
  ['h-stroke', 'Ħamrun', 'Hamrun'],
  ['dh-z', 'Dhi Qar', 'Zi Qar'],
  ['ou-u', 'Deir al-Zour', 'Deir al-Zur'],
  ['oo-u', 'Qamishloo', 'Qamishlu'],
  ['aw-u', 'Dayr az Zawr', 'Dayr az Zur'],
  ['ei-ai', 'Deir', 'Dayr'],
  ['ey-ai', 'Sheykh', 'Shaikh'],
  ['ay-ai', 'Shaykh', 'Shaikh'],
  ['ee-i', 'Deeb', 'Dib'],
  ['e-a', 'Menbej', 'Manbaj'],
  ['o-u', 'Mosul', 'Musul'],
  ['y-i', 'Dolomytne', 'Dolomitne'],
  ['y-i', 'Kamyanka', 'Kamianka'],
  ['q-k', 'Qandahar', 'Kandahar'],
  ['ck-k', 'Mecka', 'Meka'],
  ['ph-f', 'Aphrin', 'Afrin'],
  ['dj-j', 'Djibouti', 'Jibouti'],
];

/** Phrases around a name: [rule id, phrase, name left, modifier, wanted kind]. */
const DESCRIPTOR_EXAMPLES: Array<[string, string, string, string | null, string | null]> = [
  ['the', 'the Idlib countryside', 'Idlib', 'countryside', null],
  ['the-city-of', 'the city of Raqqa', 'Raqqa', null, 'town'],
  ['city-of', 'city of Mosul', 'Mosul', null, 'town'],
  ['the-town-of', 'the town of Saraqib', 'Saraqib', null, 'town'],
  ['town-of', 'town of Saraqib', 'Saraqib', null, 'town'],
  ['the-village-of', 'the village of Daman', 'Daman', null, 'town'],
  ['village-of', 'village of Daman', 'Daman', null, 'town'],
  ['the-outskirts-of', 'the outskirts of Aleppo', 'Aleppo', 'outskirts', null],
  ['outskirts-of', 'outskirts of Aleppo', 'Aleppo', 'outskirts', null],
  ['near', 'near Mosul', 'Mosul', 'near', null],
  ['outside', 'outside Kismayo', 'Kismayo', 'outskirts', null],
  ['around', 'around Sirte', 'Sirte', 'near', null],
  ['the-countryside-of', 'the countryside of Daraa', 'Daraa', 'countryside', null],
  ['rural', 'rural Damascus', 'Damascus', 'countryside', null],
  ['northern', 'northern Hama', 'Hama', 'district', null],
  ['southern', 'southern Idlib', 'Idlib', 'district', null],
  ['eastern', 'eastern Aleppo', 'Aleppo', 'district', null],
  ['western', 'western Mosul', 'Mosul', 'district', null],
  ['north-eastern', 'north-eastern Syria', 'Syria', 'district', null],
  ['north-western', 'north-western Syria', 'Syria', 'district', null],
  ['south-eastern', 'south-eastern Turkey', 'Turkey', 'district', null],
  ['south-western', 'south-western Niger', 'Niger', 'district', null],
  ['central', 'central Mali', 'Mali', 'district', null],
  ['barangay', 'Barangay Santo Nino', 'Santo Nino', null, 'town'],
  ['tambon', 'tambon Bana', 'Bana', 'district', 'district'],
  ['the-region-of', 'the region of Erbil', 'Erbil', null, 'region'],
  ['region-of', 'region of Erbil', 'Erbil', null, 'region'],
  ['the-province-of', 'the province of Kandahar', 'Kandahar', null, 'region'],
  ['province-of', 'province of Kandahar', 'Kandahar', null, 'region'],
  ['province', 'Raqqa province', 'Raqqa', null, 'region'],
  ['governorate', 'Deir ez-Zor Governorate', 'Deir ez-Zor', null, 'region'],
  ['region', 'Somali region', 'Somali', null, 'region'],
  ['state', 'Borno State', 'Borno', null, 'region'],
  ['district', 'Gereshk district', 'Gereshk', 'district', 'district'],
  ['division', 'Sylhet Division', 'Sylhet', null, 'region'],
  ['county', 'Lamu County', 'Lamu', 'district', 'district'],
  ['municipality', 'Kalba Municipality', 'Kalba', 'district', 'district'],
  ['commune', 'Doucoumbo Commune', 'Doucoumbo', 'district', 'district'],
  ['township', 'Kutkai township', 'Kutkai', 'district', 'district'],
  ['upazila', 'Ulipur upazila', 'Ulipur', 'district', 'district'],
  ['sadar-upazila', 'Feni Sadar Upazila', 'Feni', 'district', 'district'],
  ['sadar', 'Feni Sadar', 'Feni', 'district', 'district'],
  ['tehsil', 'Safi Tehsil', 'Safi', 'district', 'district'],
  ['sub-division', 'Kamjong sub-division', 'Kamjong', 'district', 'district'],
  ['subdivision', 'Kamjong subdivision', 'Kamjong', 'district', 'district'],
  ['block', 'Kisko block', 'Kisko', 'district', 'district'],
  ['agency', 'Khyber Agency', 'Khyber', 'district', 'district'],
  ['local-government-area', 'Konduga local government area', 'Konduga', 'district', 'district'],
  ['lga', 'Konduga LGA', 'Konduga', 'district', 'district'],
  ['territory', 'Masisi territory', 'Masisi', 'district', 'district'],
  ['sector', 'Mandi sector', 'Mandi', 'district', null],
  ['zone', 'Afdere zone', 'Afdere', 'district', null],
  ['area', 'Motijheel area', 'Motijheel', 'district', null],
  ['valley', 'Tirah Valley', 'Tirah', 'district', null],
  ['countryside', 'Idlib countryside', 'Idlib', 'countryside', null],
  ['outskirts', 'Aleppo outskirts', 'Aleppo', 'outskirts', null],
  ['island', 'Lamu Island', 'Lamu', null, null],
  ['city', 'Kismayo city', 'Kismayo', null, 'town'],
  ['town', 'Maan town', 'Maan', null, 'town'],
  ['village', 'Konduga village', 'Konduga', null, 'town'],
];

const UNIT_EXAMPLES: Array<[string, string, string]> = [
  ['english-units', 'Maidan Wardak Province', 'Maidan Wardak'],
  ['english-units', 'Sabha District', 'Sabha'],
  ['english-units', 'Central Ethiopia Regional State', 'Central Ethiopia'],
  ['english-units', 'Masisi Territory', 'Masisi'],
  ['local-units', 'Muhafazat Hadramaout', 'Hadramaout'],
  ['local-units', 'Shahrestān-e Kabul', 'Kabul'],
];

const ruleIds = (kinds: string[]) => dataRows('geocode/normalize.rules', 'tab').filter(([kind]) => kinds.includes(kind as string)).map(([, id]) => id);

describe('normalisation rules', () => {
  it('has an example for every rule in data/geocode/normalize.rules', () => {
    const tested = new Set([...SOUND_EXAMPLES, ...DESCRIPTOR_EXAMPLES, ...UNIT_EXAMPLES].map(([id]) => id));
    const untested = ruleIds(['mark', 'article', 'tail', 'letter', 'fold', 'prefix', 'suffix', 'unit']).filter((id) => !tested.has(id as string));
    expect(untested).toEqual([]);
  });

  it.each(SOUND_EXAMPLES)('%s: "%s" and "%s" share a sound key', (_rule, a, b) => {
    expect(soundKey(a)).toBe(soundKey(b));
  });

  it.each(DESCRIPTOR_EXAMPLES)('%s: "%s" names %s', (rule, phrase, name, modifier, wants) => {
    const described = stripDescriptors(phrase);
    expect(described.core).toBe(name);
    expect(described.modifier).toBe(modifier);
    expect(described.wants).toBe(wants);
    expect(described.rules).toContain(rule);
  });

  it.each(UNIT_EXAMPLES)('%s: "%s" is also "%s"', (_rule, name, short) => {
    expect(stripUnitWords(name)).toBe(short);
  });

  it('keeps spellings apart that no rule folds together', () => {
    expect(soundKey('Aleppo')).not.toBe(soundKey('Idlib'));
    expect(soundKey('Homs')).not.toBe(soundKey('Hama'));
    // A word's first y is a consonant: "Yala" is not "Iala".
    expect(soundKey('Yala')).not.toBe(soundKey('Iala'));
  });

  it('makes the plain key: lower case, no diacritics, marks or punctuation', () => {
    expect(plainKey('Ṣan‘ā’')).toBe('sana');
    expect(plainKey('Ar-Raqqah')).toBe('ar raqqah');
    expect(plainKey('  Côte d’Ivoire ')).toBe('cote divoire');
  });

  it('gives one sound key to every spelling of Raqqa, Deir ez-Zor and Kobani', () => {
    const raqqa = ['al-Raqqa', 'Ar-Raqqa', 'Raqqa', 'Raqqah', 'Rakka', 'ar-Raqqah', 'Ar Raqqah'].map(soundKey);
    expect(new Set(raqqa)).toEqual(new Set(['raka']));
    expect(new Set(['Deir ez-Zor', 'Dayr az Zawr', 'Deir al-Zour'].map(soundKey))).toEqual(new Set(['dairzur']));
    expect(soundKey('Ayn al-Arab')).toBe(soundKey('‘Ayn al ‘Arab'));
  });

  it('keeps a lone article, and a direction word before "city of" describes the city, not a part of it', () => {
    expect(soundKey('Al')).toBe('al');
    const described = stripDescriptors('the north-eastern city of al-Raqqa');
    expect(described.core).toBe('al-Raqqa');
    expect(described.modifier).toBeNull();
    expect(described.wants).toBe('town');
  });
});
