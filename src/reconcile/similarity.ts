// Text similarity for clustering: cosine similarity of term vectors. A text's terms are its
// content words, word pairs, names and numbers, each counted by the sentences it occurs in. Two
// cosines are mixed: one over the names and numbers (reports of one event share its people,
// places and figures; other events of the same kind share the vocabulary but not the names), one
// over all terms (wire copies and reprints share most). An incident keeps the summed counts of all
// its reports (their centroid), so a report is compared with everything told of it so far.
import { lexiconRows } from '../extract/lexicon.js';

/** Weight of the names-and-numbers cosine against the all-terms one. */
const NAME_WEIGHT = 0.7;
/** Distinct terms a signature keeps (the most counted): bounds what an incident stores (about 13 kB of JSON) however many or long its reports; a news report has 170 (median) to 900. */
export const TERMS_KEPT = 1000;

const STOPWORDS = new Set(lexiconRows('stopwords.txt').map(([word]) => word!.toLowerCase()));

/**
 * The signature of a text: its terms, hashed, with the number of sentences each occurs in, as
 * pairs [term, count, term, count, ...] sorted by term. A term's lowest bit is 1 for a name or
 * number, so the stored signature tells them apart without the words.
 */
export function signatureOf(text: string): number[] {
  const counts = new Map<number, number>();
  for (const sentence of sentencesOf(text)) {
    for (const feature of featuresOf(sentence)) {
      const term = termOf(feature);
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  return pairsOf(counts);
}

/** An incident's signature once a report joins it: the summed counts of its reports. */
export function addMember(kept: number[], signature: number[]): number[] {
  const counts = countsOf(kept);
  for (const [term, count] of countsOf(signature)) counts.set(term, (counts.get(term) ?? 0) + count);
  return pairsOf(counts);
}

/** Similarity of a report's signature to an incident's (or another report's): the weighted mix of the two cosines, 0 when either is empty. */
export function similarity(report: number[], incident: number[]): number {
  const a = vectorOf(report);
  const b = vectorOf(incident);
  return (1 - NAME_WEIGHT) * cosine(a.all, b.all) + NAME_WEIGHT * cosine(a.names, b.names);
}

/** Whether the text behind a signature has every content word of `name` (a place's name, say): a report that names a place tells of it. */
export function mentions(signature: number[], name: string): boolean {
  const words = [...featuresOf(name)].filter((f) => !f.includes(' ') && !f.startsWith('name:'));
  if (words.length === 0) return false;
  const counts = countsOf(signature);
  return words.every((word) => counts.has(termOf(word)));
}

/**
 * Content words and pairs of a sentence, lower-cased and without diacritics (a gazetteer's "Būsh"
 * is a text's "Bush"); a capitalised word past its start also counts as a name.
 */
export function featuresOf(sentence: string): Set<string> {
  const features = new Set<string>();
  const words = sentence.normalize('NFD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  let previous: string | null = null;
  words.forEach((word, i) => {
    const lower = word.toLowerCase().replace(/['’]s$/, '');
    if (STOPWORDS.has(lower) || lower.length < 3) {
      previous = null;
      return;
    }
    features.add(lower);
    if (i > 0 && /^\p{Lu}/u.test(word)) features.add(`name:${lower}`);
    if (previous) features.add(`${previous} ${lower}`);
    previous = lower;
  });
  return features;
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/);
}

/** A feature's term: its hash, with the lowest bit set for a name or a number. */
function termOf(feature: string): number {
  const named = feature.startsWith('name:') || /^\d/.test(feature);
  return ((hash(feature) & ~1) | (named ? 1 : 0)) >>> 0;
}

/** The signature of term counts: the TERMS_KEPT most counted (a long report's or a large incident's rarest terms go first), sorted by term. */
function pairsOf(counts: Map<number, number>): number[] {
  const kept = counts.size <= TERMS_KEPT ? [...counts] : [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, TERMS_KEPT);
  return kept.sort((a, b) => a[0] - b[0]).flat();
}

function countsOf(signature: number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i + 1 < signature.length; i += 2) counts.set(signature[i]!, signature[i + 1]!);
  return counts;
}

interface Vector {
  weights: Map<number, number>;
  norm: number;
}

/** Weights 1 + log(count): a term told in many sentences counts more, but not in proportion. */
function vectorOf(signature: number[]): { all: Vector; names: Vector } {
  const all: Vector = { weights: new Map(), norm: 0 };
  const names: Vector = { weights: new Map(), norm: 0 };
  for (const [term, count] of countsOf(signature)) {
    if (!(count > 0)) continue;
    const weight = 1 + Math.log(count);
    all.weights.set(term, weight);
    all.norm += weight * weight;
    if (term & 1) {
      names.weights.set(term, weight);
      names.norm += weight * weight;
    }
  }
  all.norm = Math.sqrt(all.norm);
  names.norm = Math.sqrt(names.norm);
  return { all, names };
}

function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small.weights) dot += weight * (large.weights.get(term) ?? 0);
  return dot / (a.norm * b.norm);
}

/** FNV-1a over UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
