// Text similarity for clustering: MinHash signatures of a text's features. Two signatures agree in
// a share of positions that estimates the Jaccard similarity of the two feature sets. A text has
// two: one over its content words and word pairs (wire copies and reprints share most), one over
// its names and numbers (reports of one event share its people, places and figures; other events
// of the same kind share the vocabulary but not the names). An incident keeps the signatures of
// its first few reports, and a report's similarity to it is the mean over them (average linkage).
import { lexiconRows } from '../extract/lexicon.js';

/** Positions of each of a text's two MinHash signatures: more estimate Jaccard more finely (error about 1/sqrt(n)). */
const POSITIONS = 64;
/** A text's signature: the two MinHash signatures one after the other. */
export const SIGNATURE_SIZE = 2 * POSITIONS;
/** Reports whose signatures an incident keeps: enough to average over, little to store. */
export const MEMBERS_KEPT = 4;
/** Weight of the names-and-numbers similarity against the all-words one. */
const NAME_WEIGHT = 0.7;
const EMPTY = 0xffffffff;

const STOPWORDS = new Set(lexiconRows('stopwords.txt').map(([word]) => word!.toLowerCase()));
const SEEDS = Array.from({ length: POSITIONS }, (_, i) => mix(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));

/** The signature of a text: MinHash of its content words and pairs, then of its names and numbers. */
export function signatureOf(text: string): number[] {
  const features = featuresOf(text);
  const names = [...features].filter((f) => f.startsWith('name:') || /^\d/.test(f));
  return [...minHash(features), ...minHash(names)];
}

/** Signatures of an incident's reports, as stored: those of its first MEMBERS_KEPT reports one after the other. */
export function addMember(kept: number[], signature: number[]): number[] {
  return kept.length >= MEMBERS_KEPT * SIGNATURE_SIZE ? kept : [...kept, ...signature];
}

/** Similarity of a report's signature to the kept signatures of an incident (or of another report): the mean over its members. */
export function similarity(report: number[], members: number[]): number {
  if (report.length !== SIGNATURE_SIZE || members.length < SIGNATURE_SIZE) return 0;
  let sum = 0;
  const count = Math.floor(members.length / SIGNATURE_SIZE);
  for (let m = 0; m < count; m++) {
    const offset = m * SIGNATURE_SIZE;
    sum += (1 - NAME_WEIGHT) * agreement(report, members, 0, offset) + NAME_WEIGHT * agreement(report, members, POSITIONS, offset + POSITIONS);
  }
  return sum / count;
}

/** Share of positions where two MinHash signatures agree: their estimated Jaccard (0 when either set was empty). */
function agreement(a: number[], b: number[], fromA: number, fromB: number): number {
  let same = 0;
  for (let i = 0; i < POSITIONS; i++) if (a[fromA + i] === b[fromB + i] && a[fromA + i] !== EMPTY) same++;
  return same / POSITIONS;
}

function minHash(features: Iterable<string>): number[] {
  const signature = new Array<number>(POSITIONS).fill(EMPTY);
  for (const feature of features) {
    const h = hash(feature);
    for (let i = 0; i < POSITIONS; i++) {
      const v = mix(h ^ SEEDS[i]!);
      if (v < signature[i]!) signature[i] = v;
    }
  }
  return signature;
}

/** Content words and pairs of the text, lower-cased; a capitalised word inside a sentence also counts as a name. */
export function featuresOf(text: string): Set<string> {
  const features = new Set<string>();
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    const words = sentence.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
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
  }
  return features;
}

/** FNV-1a over UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads the bits of a 32-bit value. */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
