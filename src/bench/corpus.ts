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

const BACKGROUND = [
  'The district has changed hands several times since the fighting began, and residents describe long stretches without electricity or clean water.',
  'Aid agencies say access to the area remains limited, with convoys often delayed at checkpoints for days.',
  'Local officials have repeatedly called for an independent investigation into attacks on markets and schools.',
  'Analysts say the latest escalation follows weeks of failed talks between the parties and their regional backers.',
  'Hospitals in the province are working beyond capacity, according to doctors who spoke on condition of anonymity.',
  'Thousands of families have fled toward the border, where camps are already overcrowded.',
  'The government has not commented on the reports, and the claims could not be independently verified.',
  'Prices of flour and fuel have doubled in the past month, traders in the city said.',
];
const ARABIC = ['قال مسؤولون محليون إن القصف استمر طوال الليل.', 'وأفاد شهود عيان بأن عدداً من المنازل دُمّر بالكامل.', 'ولم يتسن التحقق من هذه الأرقام بشكل مستقل.'];
const LATIN = ['Des témoins ont décrit des scènes de panique après l’explosion.', 'La préfecture a décrété un couvre-feu à partir de 18 heures.', 'Les secours ont évacué les blessés vers l’hôpital régional.'];
const LAYOUTS = ['article', 'story-body', 'table', 'amp'] as const;
/** Each page's encoding, by share: mostly UTF-8, as on the web, with the legacy ones monitors still meet. */
const ENCODINGS = [
  ['utf-8', 0.7],
  ['windows-1252', 0.1],
  ['iso-8859-1', 0.06],
  ['windows-1256', 0.08],
  ['utf-16le', 0.06],
] as const;

export interface BenchPage {
  /** The bytes as a crawler saved them. */
  bytes: Buffer;
  /** What the HTTP Content-Type said, when it said anything. */
  charset: string | null;
}

/**
 * A realistic news page: one of four layouts, page furniture (menus, cookie banners, share
 * bars, comments, scripts, styles, JSON-LD), 2-60 paragraphs, 2-63 KB, in one of five
 * encodings, declared by header, <meta> or byte-order mark.
 */
export function newsPage(narrative: Narrative, random: () => number): BenchPage {
  const encoding = pickWeighted(random, ENCODINGS);
  const foreign = encoding === 'windows-1256' ? ARABIC : encoding === 'utf-8' || encoding === 'utf-16le' ? [...ARABIC, ...LATIN] : LATIN;
  const paragraphs = Array.from({ length: 2 + Math.floor(random() ** 2 * 58) }, () => (random() < 0.1 ? pick(random, foreign) : pick(random, BACKGROUND)));
  const body = [`<p>${narrative.text}</p>`, ...paragraphs.map((p) => `<p>${p}</p>`)];
  body.splice(1 + Math.floor(random() * 3), 0, '<figure><img src="/p.jpg"><figcaption>Smoke rises over the city. Photo: Agency</figcaption></figure>');
  const script = `<script>window.__STATE__=${JSON.stringify({ ads: Array.from({ length: Math.floor(random() * 400) }, (_, i) => ({ slot: i, size: [300, 250] })) })}</script>`;
  const style = `<style>${'.c{margin:0 auto;padding:4px}'.repeat(Math.floor(random() * 600))}</style>`;
  const comments = random() < 0.3 ? `<section class="comments">${Array.from({ length: 1 + Math.floor(random() * 20) }, (_, i) => `<div class="comment">Reader ${i}: Terrible news, thoughts with the families.</div>`).join('')}</section>` : '';
  const share = '<div class="share-bar">Share on Facebook Share on Twitter Copy link</div>';
  const main = wrap(pick(random, [...LAYOUTS]), `<h1>Attack reported</h1>${share}${body.join('')}`);
  const charsetMeta = encoding === 'utf-16le' ? '' : random() < 0.5 ? `<meta charset="${encoding}">` : `<meta http-equiv="Content-Type" content="text/html; charset=${encoding}">`;
  const jsonLd = `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"${narrative.published}T08:00:00Z"}</script>`;
  const furniture = FURNITURE.filter(() => random() < 0.7);
  const html = `<!doctype html><html lang="en"><head>${charsetMeta}<title>Attack reported | Example News</title>${jsonLd}${style}</head><body>${furniture.slice(0, 2).join('')}${main}${comments}${furniture.slice(2).join('')}${script}</body></html>`;
  const header = random() < 0.5 && encoding !== 'utf-16le' ? encoding : null;
  return { bytes: encode(html, encoding), charset: header };
}

function wrap(layout: (typeof LAYOUTS)[number], content: string): string {
  if (layout === 'article') return `<main><article>${content}</article></main>`;
  if (layout === 'story-body') return `<div id="content"><div class="story-body">${content}</div><aside class="sidebar">Most read</aside></div>`;
  if (layout === 'table') return `<table><tr><td class="nav">Sections</td><td>${content}</td></tr></table>`;
  return `<div class="amp-wrapper"><div class="article-text">${content}</div></div>`;
}

function encode(text: string, encoding: string): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text);
  if (encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  // Single-byte encodings: invert the decoder's table; characters it lacks become '?'.
  const table = new TextDecoder(encoding).decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  const byChar = new Map([...table].map((c, i) => [c, i]));
  return Buffer.from([...text].map((c) => byChar.get(c) ?? 0x3f));
}

function pickWeighted<T>(random: () => number, weighted: ReadonlyArray<readonly [T, number]>): T {
  let r = random();
  for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
  return weighted[weighted.length - 1]![0];
}
