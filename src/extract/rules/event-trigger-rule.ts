import { alternation, lexiconRows } from '../lexicon.js';
import type { Sentence } from '../sentences.js';
import type { TriggerFinding } from '../types.js';
import { acledTyping, type EventType, type SubEventType } from '../../types.js';
import { PatternRule, type Match } from './pattern-rule.js';

interface TriggerEntry {
  eventType: EventType;
  subEventType: SubEventType;
  weight: number;
  /** Set for phrases written with capitals ("IED", "Grad"): they only count in that case. */
  exact: string | null;
}

const entries = new Map<string, TriggerEntry>(
  lexiconRows('event-triggers.txt').map(([phrase, eventType, subEventType, weight]) => [
    squash(phrase!).toLowerCase(),
    { ...acledTyping(eventType!, subEventType!), weight: Number(weight), exact: /[A-Z]/.test(phrase!) ? squash(phrase!) : null },
  ]),
);

/** Spaces and hyphens do not count: "air strike", "air-strike" and "airstrike" are one trigger. */
function squash(phrase: string): string {
  return phrase.replace(/[\s-]+/g, '');
}

/** Negation just before a trigger: "did not carry out any air strikes", "no explosion". */
const negationBefore = /\b(?:not|no|never|didn't|denied|denies|without)\b(?:\s+\S+){0,4}\s*$/i;

/** Month names that are also trigger words. */
const MONTH_NAME = /^(?:March|May)$/;

/** Words that signal an event, from data/lexicons/event-triggers.txt. */
export class EventTriggerRule extends PatternRule<TriggerFinding> {
  readonly name = 'EventTriggerRule';
  protected pattern(): string {
    return String.raw`\b(?:${alternation([...lexiconRows('event-triggers.txt').map(([p]) => p!)])})\b`;
  }

  protected build(match: Match, sentence: Sentence): TriggerFinding | null {
    const entry = entries.get(squash(match[0]).toLowerCase());
    if (!entry || (entry.exact && squash(match[0]) !== entry.exact)) return null;
    // "On 3 March 2021": a capitalised "March" inside a sentence is the month, not a protest.
    if (MONTH_NAME.test(match[0]) && match.index > 0) return null;
    if (negationBefore.test(sentence.text.slice(0, match.index))) return null;
    return { eventType: entry.eventType, subEventType: entry.subEventType, weight: entry.weight, evidence: this.evidence(match, sentence), sentence };
  }
}
