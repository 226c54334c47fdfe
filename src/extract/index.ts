// The extract stage: clean text in, incident drafts (with claims and evidence) out. Pure:
// no I/O beyond the lexicons read once when a configuration is made.
import type { Claim, Evidence, Tally } from '../types.js';
import { assembleIncidents } from './assemble.js';
import { buildClaims, buildTallies } from './claims.js';
import { createConfiguration, type ExtractConfiguration } from './configuration.js';
import { splitSentences, type Sentence } from './sentences.js';
import { readArticle } from './article.js';
import type { Findings, IncidentDraft } from './types.js';

export type { IncidentDraft, Findings } from './types.js';
export { createConfiguration, type ExtractConfiguration } from './configuration.js';
export { loadLexicons } from './lexicons.js';

export interface ExtractOptions {
  /** Publication date YYYY-MM-DD: relative dates resolve against it. */
  published: string | null;
  /** The rules to run, e.g. with a user-extended actor lexicon; the bundled configuration by default. */
  configuration?: ExtractConfiguration;
}

export interface Extraction {
  findings: Findings;
  claims: Claim[];
  /** Running tallies: counts over a period, never an incident's toll. */
  tallies: Tally[];
  incidents: IncidentDraft[];
}

let defaultConfiguration: ExtractConfiguration | undefined;

export function extract(text: string, options: ExtractOptions): Extraction {
  const configuration = options.configuration ?? (defaultConfiguration ??= createConfiguration());
  const findings = find(text, { ...options, configuration });
  const claims = buildClaims(findings);
  return { findings, claims, tallies: buildTallies(findings), incidents: assembleIncidents(findings, claims, options.published, configuration.eventContextRules) };
}

/** Runs every rule over every sentence. */
export function find(text: string, options: ExtractOptions): Findings {
  const configuration = options.configuration ?? (defaultConfiguration ??= createConfiguration());
  const { lexicons } = configuration;
  const allSentences = splitSentences(text);
  const article = readArticle(allSentences);
  // Rules read prose: not the furniture left in the text, nor the dateline that opens the lead.
  const sentences = allSentences.filter((s) => !article.furniture.has(s.paragraph)).map((s) => withoutDateline(s, article.dateline));
  const all = <T>(rules: Array<{ apply(s: (typeof sentences)[number]): T[] }>) => sentences.flatMap((s) => rules.flatMap((r) => r.apply(s)));
  const casualties = configuration.casualtyRefiners.reduce((found, refiner) => refiner.refine(found, { sentences, lexicons }), all(configuration.casualtyRules));
  const tallyCues = all(configuration.tallyRules);
  const tallied = configuration.tallyRefiner.split(casualties, tallyCues, sentences);
  return {
    sentences,
    article,
    casualties: tallied.casualties,
    tallies: tallied.tallies,
    tallyCues,
    tallySentences: tallied.sentences,
    attributions: all(configuration.attributionRules),
    involvements: all(configuration.involvementRules),
    triggers: all(configuration.triggerRules),
    dates: sentences.flatMap((s) => configuration.dateRule.apply(s, options.published)),
    actors: all(configuration.actorRules),
    hedges: all(configuration.hedgeRules),
    background: all(configuration.backgroundRules),
  };
}

/** The lead sentence without its dateline ("QUETTA, Pakistan (AP) — "): the place and date of the report, not of the event. */
function withoutDateline(sentence: Sentence, dateline: Evidence | null): Sentence {
  if (!dateline || sentence.start !== dateline.start) return sentence;
  const cut = dateline.end - dateline.start;
  return { ...sentence, start: sentence.start + cut, text: sentence.text.slice(cut) };
}
