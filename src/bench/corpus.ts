// A synthetic corpus for the bench: ACLED-style narratives and news-like pages made from
// templates with a seeded random generator, so every run measures the same text.

const PLACES = ['Gardez', 'Aleppo', 'Raqqa', 'Mosul', 'Kabul', 'Mogadishu', 'Maiduguri', 'Kandahar', 'Sanaa', 'Taiz', 'Donetsk', 'Idlib', 'Deir ez-Zor', 'Peshawar', 'Quetta', 'Srinagar', 'Culiacan', 'Goma', 'Benghazi', 'Tripoli'];
const ACTORS = ['Taliban militants', 'Syrian government forces', 'regime warplanes', 'gunmen', 'Boko Haram fighters', 'al-Shabaab militants', 'Houthi rebels', 'security forces', 'unidentified attackers', 'Russian forces'];
const EVENTS = [
  '{actor} attacked a police post in {place}, killing {n} policemen',
  'an airstrike by {actor} killed at least {n} people in {place}',
  'a roadside bomb exploded near {place}, wounding {n} civilians',
  'clashes between {actor} and the army in {place} left {n} fighters dead',
  '{n} civilians were killed in shelling of {place} by {actor}',
  'hundreds of protesters rallied in {place}; police fired tear gas',
  '{actor} abducted {n} villagers from a village near {place}',
  'a suicide bomber blew himself up at a market in {place}, killing {n} people',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FURNITURE = ['<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>', '<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>', '<aside class="related"><h3>Related stories</h3><ul><li><a href="/x">Another story</a></li></ul></aside>', '<div class="newsletter">Sign up for our daily newsletter</div>', '<footer>© 2024 Example News. All rights reserved.</footer>'];

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, list: T[]): T => list[Math.floor(random() * list.length)]!;

export interface Narrative {
  text: string;
  published: string;
}

export function narratives(count: number, seed = 1): Narrative[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const day = 1 + Math.floor(random() * 27);
    const month = Math.floor(random() * 12);
    const event = pick(random, EVENTS).replaceAll('{actor}', pick(random, ACTORS)).replaceAll('{place}', pick(random, PLACES)).replaceAll('{n}', String(1 + Math.floor(random() * 40)));
    const text = `On ${day} ${MONTHS[month]} 2020, ${event}, officials said.`;
    return { text, published: `2020-${String(month + 1).padStart(2, '0')}-${String(day + 1).padStart(2, '0')}` };
  });
}

/** A news page around a narrative: menus, banners and related links, 2-40 paragraphs. */
export function page(narrative: Narrative, random: () => number): string {
  const filler = Array.from({ length: 1 + Math.floor(random() * 40) }, (_, i) => `<p>Paragraph ${i} of background reporting on the conflict, its history and the people affected by it over the years.</p>`);
  const furniture = FURNITURE.filter(() => random() < 0.7);
  return `<!doctype html><html lang="en"><head><title>Report | Example News</title><meta property="article:published_time" content="${narrative.published}T10:00:00Z"></head><body>${furniture.slice(0, 2).join('')}<article><h1>Report</h1><p>${narrative.text}</p>${filler.join('')}</article>${furniture.slice(2).join('')}</body></html>`;
}
