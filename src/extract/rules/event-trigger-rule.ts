import { alternation, lexiconRows } from '../lexicon.js';
import type { Sentence } from '../sentences.js';
import type { TriggerFinding } from '../types.js';
import { PatternRule, type Match } from './pattern-rule.js';

interface TriggerEntry {
  eventType: string;
  subEventType: string;
  weight: number;
}

const entries = new Map<string, TriggerEntry>(
  lexiconRows('event-triggers.txt').map(([phrase, eventType, subEventType, weight]) => [
    normalise(phrase!),
    { eventType: eventType!, subEventType: subEventType!, weight: Number(weight) },
  ]),
);

function normalise(phrase: string): string {
  return phrase.toLowerCase().replace(/[\s-]+/g, '');
}

/** Negation just before a trigger: "did not carry out any air strikes", "no explosion". */
const negationBefore = /\b(?:not|no|never|didn't|denied|denies|without)\b(?:\s+\S+){0,4}\s*$/i;

/** Words that signal an event, from data/lexicons/event-triggers.txt. */
export class EventTriggerRule extends PatternRule<TriggerFinding> {
  readonly name = 'EventTriggerRule';
  protected pattern(): string {
    return String.raw`\b(?:${alternation([...lexiconRows('event-triggers.txt').map(([p]) => p!)])})\b`;
  }

  protected build(match: Match, sentence: Sentence): TriggerFinding | null {
    const entry = entries.get(normalise(match[0]));
    if (!entry) return null;
    // Acronyms like IED must be written in capitals to count.
    if (/^[A-Z]{2,}$/.test(match[0].toUpperCase()) && match[0] !== match[0].toUpperCase() && match[0].length <= 3) return null;
    if (negationBefore.test(sentence.text.slice(0, match.index))) return null;
    return { ...entry, evidence: this.evidence(match, sentence), sentence };
  }
}
