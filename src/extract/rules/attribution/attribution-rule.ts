// Shared shape of the attribution rules: named groups `who` (speaker or outlet), optionally
// `outlet` and `verb` (a speech verb whose stance is looked up).
import { lexiconRows } from '../../lexicon.js';
import type { Sentence } from '../../sentences.js';
import type { AttributionFinding } from '../../types.js';
import { PatternRule, type Match } from '../pattern-rule.js';

const outlets = new Set(lexiconRows('outlets.txt').map(([name]) => name!.toLowerCase()));
const verbStances = new Map(lexiconRows('speech-verbs.txt').map(([verb, stance]) => [verb!.toLowerCase(), stance as 'asserts' | 'denies']));

export const SPEECH_VERB = [...verbStances.keys()].sort((a, b) => b.length - a.length).join('|');

export abstract class AttributionRule extends PatternRule<AttributionFinding> {
  protected build(match: Match, sentence: Sentence): AttributionFinding | null {
    const groups = match.groups ?? {};
    const who = tidyName(groups.who ?? '');
    if (!who || !/[A-Za-z]/.test(who)) return null;
    const outletGroup = groups.outlet ? tidyName(groups.outlet) : null;
    const whoIsOutlet = outlets.has(who.toLowerCase());
    return {
      speaker: whoIsOutlet ? null : who,
      outlet: whoIsOutlet ? who : outletGroup,
      stance: verbStances.get((groups.verb ?? '').toLowerCase().replace(/\s+/g, ' ')) ?? 'asserts',
      evidence: this.evidence(match, sentence),
      sentence,
    };
  }
}

/** Trims a name phrase: leading "also"/"the", trailing punctuation and time words. */
export function tidyName(text: string): string {
  // A full stop after a lower-case word ends the sentence; after a capital it may be "U.S.".
  const trimmed = text.replace(/^[\s"“‘']+|[\s"”’',:;!?]+$/g, '').replace(/(?<=[a-z])\.$/, '');
  // Keep a closing bracket only when it closes one: "Observatory (SOHR)".
  const balanced = (trimmed.match(/\(/g)?.length ?? 0) >= (trimmed.match(/\)/g)?.length ?? 0) ? trimmed : trimmed.replace(/\)+$/, '');
  return balanced
    .replace(/\s+(?:on|late on|early on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/i, '')
    .replace(/\s+(?:yesterday|today|on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|on Saturday|on Sunday)$/i, '')
    .replace(/^(?:also|meanwhile|but|and|while|however|though|although)\s+/i, '')
    .trim();
}
