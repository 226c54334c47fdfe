import { lexiconRows } from '../lexicon.js';
import type { Sentence } from '../sentences.js';
import type { BackgroundFinding } from '../types.js';
import { PatternRule, type Match } from './pattern-rule.js';

const cues = lexiconRows('background.txt').map(([pattern, kind]) => ({ pattern: pattern!, kind: kind! }));

/** Cues that a sentence is background, a campaign summary or a habit, not a new incident (data/lexicons/background.txt). */
export class BackgroundRule extends PatternRule<BackgroundFinding> {
  readonly name = 'BackgroundRule';
  protected pattern(): string {
    return cues.map((cue, i) => `(?<c${i}>${cue.pattern})`).join('|');
  }

  protected build(match: Match, sentence: Sentence): BackgroundFinding {
    const index = Object.entries(match.groups ?? {}).findIndex(([, value]) => value !== undefined);
    return { kind: cues[index]?.kind ?? 'campaign', evidence: this.evidence(match, sentence), sentence };
  }
}
