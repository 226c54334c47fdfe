// What `vigil bench --api` asks of the incidents src/bench/seed.ts made: the requests its
// clients send, drawn from the seeded countries, towns, days, types and perpetrators. Each
// request is drawn at random (a seeded generator per client), as people use the list: date
// windows of any length, any country or map area, words of places and actors, every sort
// order, and the next pages of some answers by their cursor.
import type { SeededShape } from './seed.js';

/** Chance that a client asks for the next page of an answer that has one, each page again. */
export const NEXT_PAGE_CHANCE = 0.4;

const SORTS = ['date', 'fatalities', 'country', 'event_type', 'updated'];
/** Words people search that no seeded incident holds. */
const UNMATCHED_WORDS = ['hospital', 'convoy', 'checkpoint'];

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const DAY_MS = 86_400_000;
/** Any case, as typed: "syria", "Syria", "SYRIA". */
const anyCase = (random: Random, text: string) => pick(random, [text.toLowerCase(), text, text.toUpperCase()]);

/** Words people search: towns, words of perpetrators' names and types, prefixes of them, and words that match nothing. */
function searchWord(random: Random, shape: SeededShape): string {
  const source = pick(random, [pick(random, shape.towns).name, pick(random, shape.actors), pick(random, shape.eventTypes), pick(random, UNMATCHED_WORDS)]);
  const words = source.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [source.toLowerCase()];
  const word = pick(random, words);
  return random() < 0.2 ? word.slice(0, 3) : word;
}

function dateWindow(random: Random, shape: SeededShape): Record<string, string> {
  const first = Date.parse(shape.firstDay);
  const span = Math.round((Date.parse(shape.lastDay) - first) / DAY_MS);
  const length = Math.min(span, pick(random, [7, 30, 90, 365]));
  const start = Math.floor(random() * (span - length + 1));
  const day = (offset: number) => new Date(first + offset * DAY_MS).toISOString().slice(0, 10);
  return { from: day(start), to: day(start + length) };
}

function mapArea(random: Random, shape: SeededShape): Record<string, string> {
  const town = pick(random, shape.towns);
  const half = pick(random, [0.5, 2, 8]);
  return { bbox: [town.longitude - half, town.latitude - half, town.longitude + half, town.latitude + half].map((v) => v.toFixed(2)).join(',') };
}

/** The kinds of first page a client asks for, by name: each draws its parameters anew. */
export const REQUEST_KINDS: Record<string, (random: Random, shape: SeededShape) => Record<string, string>> = {
  'list, any sort and order': (random) => ({ sort: pick(random, SORTS), order: pick(random, ['asc', 'desc']) }),
  'country (any case)': (random, shape) => ({ country: anyCase(random, pick(random, shape.countries)) }),
  'date window + min killed': (random, shape) => ({ ...dateWindow(random, shape), min_fatalities: String(pick(random, [0, 1, 5, 20])) }),
  'full text (1-2 words)': (random, shape) => ({ q: random() < 0.7 ? searchWord(random, shape) : `${searchWord(random, shape)} ${searchWord(random, shape)}` }),
  'map area (bbox)': (random, shape) => ({ ...mapArea(random, shape), ...(random() < 0.5 ? dateWindow(random, shape) : {}) }),
  'country + dates + sort': (random, shape) => ({ country: pick(random, shape.countries), ...dateWindow(random, shape), sort: pick(random, SORTS) }),
  'review status + type': (random, shape) => ({ review_status: pick(random, ['new', 'accepted', 'rejected']), ...(random() < 0.5 ? { event_type: pick(random, shape.eventTypes) } : {}) }),
};

/** The row of the table that the pages after a first one are counted in. */
export const NEXT_PAGE = 'next page (cursor)';
