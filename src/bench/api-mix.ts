// What `vigil bench --api` seeds and asks: the synthetic incidents' places, types and actors,
// and the requests its clients send. Each request is drawn at random (a seeded generator per
// client), as people use the list: date windows of any length, any country or map area, words
// of places and actors, every sort order, and the next pages of some answers by their cursor.
export const PLACES = [
  { name: 'Raqqa', admin1: 'Ar Raqqah', country: 'Syria', lat: 35.95, lon: 39.01 },
  { name: 'Aleppo', admin1: 'Aleppo', country: 'Syria', lat: 36.2, lon: 37.16 },
  { name: 'Mosul', admin1: 'Nineveh', country: 'Iraq', lat: 36.34, lon: 43.13 },
  { name: 'Kabul', admin1: 'Kabul', country: 'Afghanistan', lat: 34.53, lon: 69.17 },
  { name: 'Mogadishu', admin1: 'Banaadir', country: 'Somalia', lat: 2.04, lon: 45.34 },
  { name: 'Maiduguri', admin1: 'Borno', country: 'Nigeria', lat: 11.85, lon: 13.16 },
  { name: 'Sanaa', admin1: 'Amanat al Asimah', country: 'Yemen', lat: 15.35, lon: 44.2 },
  { name: 'Gao', admin1: 'Gao', country: 'Mali', lat: 16.27, lon: -0.04 },
] as const;
export const TYPES = [
  ['Battles', 'Armed clash'],
  ['Explosions/Remote violence', 'Air/drone strike'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['Violence against civilians', 'Attack'],
  ['Protests', 'Peaceful protest'],
] as const;
export const ACTORS = ['Military Forces of Syria', 'Islamic State', 'Al Shabaab', 'Boko Haram', 'Taliban', 'Police Forces of Iraq', 'Unidentified Armed Group'];
/** The seeded incidents are dated over these ten years. */
export const FIRST_DAY = Date.UTC(2015, 0, 1);
export const DAYS = 3650;

/** Chance that a client asks for the next page of an answer that has one, each page again. */
export const NEXT_PAGE_CHANCE = 0.4;

const SORTS = ['date', 'fatalities', 'country', 'event_type', 'updated'];
/** Words people search: places, parts of actors' names, event types, prefixes of them, and words that match nothing. */
const WORDS = [...PLACES.map((p) => p.name.toLowerCase()), 'islamic', 'shabaab', 'taliban', 'police', 'armed', 'clash', 'drone', 'protest', 'mog', 'kab', 'civilians', 'hospital', 'convoy'];

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const day = (offset: number) => new Date(FIRST_DAY + offset * 86_400_000).toISOString().slice(0, 10);
/** Any case, as typed: "syria", "Syria", "SYRIA". */
const anyCase = (random: Random, text: string) => pick(random, [text.toLowerCase(), text, text.toUpperCase()]);

function dateWindow(random: Random): Record<string, string> {
  const length = pick(random, [7, 30, 90, 365]);
  const start = Math.floor(random() * (DAYS - length));
  return { from: day(start), to: day(start + length) };
}

function mapArea(random: Random): Record<string, string> {
  const place = pick(random, PLACES);
  const half = pick(random, [0.5, 2, 8]);
  return { bbox: [place.lon - half, place.lat - half, place.lon + half, place.lat + half].map((v) => v.toFixed(2)).join(',') };
}

/** The kinds of first page a client asks for, by name: each draws its parameters anew. */
export const REQUEST_KINDS: Record<string, (random: Random) => Record<string, string>> = {
  'list, any sort and order': (random) => ({ sort: pick(random, SORTS), order: pick(random, ['asc', 'desc']) }),
  'country (any case)': (random) => ({ country: anyCase(random, pick(random, PLACES).country) }),
  'date window + min killed': (random) => ({ ...dateWindow(random), min_fatalities: String(pick(random, [0, 1, 5, 20])) }),
  'full text (1-2 words)': (random) => ({ q: random() < 0.7 ? pick(random, WORDS) : `${pick(random, WORDS)} ${pick(random, WORDS)}` }),
  'map area (bbox)': (random) => ({ ...mapArea(random), ...(random() < 0.5 ? dateWindow(random) : {}) }),
  'country + dates + sort': (random) => ({ country: pick(random, PLACES).country, ...dateWindow(random), sort: pick(random, SORTS) }),
  'review status + type': (random) => ({ review_status: pick(random, ['new', 'accepted', 'rejected']), ...(random() < 0.5 ? { event_type: pick(random, TYPES)[0] } : {}) }),
};

/** The row of the table that the pages after a first one are counted in. */
export const NEXT_PAGE = 'next page (cursor)';
