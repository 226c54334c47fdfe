// The extract stage: clean text in, incident drafts (with claims and evidence) out. Pure:
// no I/O beyond the lexicons read once at load.
import type { Claim, Evidence, Tally } from '../types.js';
import { assembleIncidents } from './assemble.js';
import { buildClaims, buildTallies } from './claims.js';
import { attributionRules, backgroundRules, casualtyRules, dateRule, hedgeRules, involvementRules, tallyRules, triggerRules } from './configuration.js';
import { GrievanceRefiner } from './refiners/grievance-refiner.js';
import { KilledThemRefiner } from './refiners/killed-them-refiner.js';
import { TallyRefiner } from './refiners/tally-refiner.js';
import { PronounVictimRefiner } from './refiners/pronoun-victim-refiner.js';
import { ActorRule } from './rules/actor-rule.js';
import { splitSentences, type Sentence } from './sentences.js';
import { readArticle } from './article.js';
import type { CasualtyFinding, Findings, IncidentDraft } from './types.js';

export type { IncidentDraft, Findings } from './types.js';
export { ActorLexicon } from './rules/actor-rule.js';

export interface ExtractOptions {
  /** Publication date YYYY-MM-DD: relative dates resolve against it. */
  published: string | null;
  /** Actor rule with a user-extended lexicon; the bundled lexicon by default. */
  actorRule?: ActorRule;
}

export interface Extraction {
  findings: Findings;
  claims: Claim[];
  /** Running tallies: counts over a period, never an incident's toll. */
  tallies: Tally[];
  incidents: IncidentDraft[];
}

let defaultActorRule: ActorRule | undefined;

export function extract(text: string, options: ExtractOptions): Extraction {
  const findings = find(text, options);
  const claims = buildClaims(findings);
  return { findings, claims, tallies: buildTallies(findings), incidents: assembleIncidents(findings, claims, options.published) };
}

/** Runs every rule over every sentence. */
export function find(text: string, options: ExtractOptions): Findings {
  const actorRule = options.actorRule ?? (defaultActorRule ??= new ActorRule());
  const allSentences = splitSentences(text);
  const article = readArticle(allSentences);
  // Rules read prose: not the furniture left in the text, nor the dateline that opens the lead.
  const sentences = allSentences.filter((s) => !article.furniture.has(s.paragraph)).map((s) => withoutDateline(s, article.dateline));
  const all = <T>(rules: Array<{ apply(s: (typeof sentences)[number]): T[] }>) => sentences.flatMap((s) => rules.flatMap((r) => r.apply(s)));
  const casualties = GrievanceRefiner.refine(
    PronounVictimRefiner.refine(KilledThemRefiner.refine(removeOverlappingCasualties(sentences.flatMap((s) => casualtyRules.flatMap((r) => r.apply(s)))), sentences), sentences),
  );
  const tallyCues = all(tallyRules);
  const tallied = TallyRefiner.split(casualties, tallyCues, sentences);
  return {
    sentences,
    article,
    casualties: tallied.casualties,
    tallies: tallied.tallies,
    tallyCues,
    tallySentences: tallied.sentences,
    attributions: all(attributionRules),
    involvements: all(involvementRules),
    triggers: all(triggerRules),
    dates: sentences.flatMap((s) => dateRule.apply(s, options.published)),
    actors: all([actorRule]),
    hedges: all(hedgeRules),
    background: all(backgroundRules),
  };
}

/** The lead sentence without its dateline ("QUETTA, Pakistan (AP) — "): the place and date of the report, not of the event. */
function withoutDateline(sentence: Sentence, dateline: Evidence | null): Sentence {
  if (!dateline || sentence.start !== dateline.start) return sentence;
  const cut = dateline.end - dateline.start;
  return { ...sentence, start: sentence.start + cut, text: sentence.text.slice(cut) };
}

/**
 * Keeps one finding where rules overlap (the earlier rule in the configuration wins), except
 * parts ("including 36 civilians"), which sit inside the figure they belong to. Returns the
 * findings in text order.
 */
function removeOverlappingCasualties(findings: CasualtyFinding[]): CasualtyFinding[] {
  const kept: CasualtyFinding[] = [];
  for (const finding of findings) {
    const overlaps = kept.some((k) => k.partOfPrevious === finding.partOfPrevious && k.evidence.start < finding.evidence.end && finding.evidence.start < k.evidence.end);
    if (!overlaps) kept.push(finding);
  }
  // "including 10 policemen were injured": the part already holds the figure the other rule read from its middle.
  const parts = kept.filter((k) => k.partOfPrevious);
  const readAgain = (f: CasualtyFinding) => !f.partOfPrevious && parts.some((p) => p.evidence.start < f.evidence.start && f.evidence.start < p.evidence.end);
  return kept.filter((f) => !readAgain(f)).sort((a, b) => a.evidence.start - b.evidence.start || Number(a.partOfPrevious) - Number(b.partOfPrevious));
}
