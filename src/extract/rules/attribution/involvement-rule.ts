import type { Sentence } from '../../sentences.js';
import type { InvolvementFinding } from '../../types.js';
import { tidyName } from './attribution-rule.js';
import { PatternRule, type Match } from '../pattern-rule.js';

/**
 * Who did (or says it did not do) the act: "the coalition did not carry out any air strikes",
 * "the army denied involvement", "the Taliban claimed responsibility".
 */
export class InvolvementRule extends PatternRule<InvolvementFinding> {
  readonly name = 'InvolvementRule';
  protected pattern(): string {
    const actor = String.raw`(?:the\s+)?(?:[A-Za-z][\w'’.-]*\s+){0,4}?[A-Za-z][\w'’.-]*`;
    return String.raw`(?:^|\bthat\s+|,\s*)(?<actor>${actor})\s+(?:(?<deny>(?:did|does|had|has|have)\s+not|didn't|hasn't|haven't|never)\s+(?:carry|carried|conduct|conducted|launch|launched|stage|staged|take part in)\s+(?:out\s+)?(?:any\s+)?(?:air\s?strikes?|strikes?|attacks?|raids?|bombings?|operations?)|(?<denied>denied|denies|rejected)\s+(?:any\s+)?(?:involvement|responsibility|role|carrying out|having carried out)|(?:has\s+|have\s+)?(?<claimed>claimed|claims|accepted|admitted)\s+responsibility)`;
  }

  protected build(match: Match, sentence: Sentence): InvolvementFinding | null {
    const actor = tidyName(match.groups?.actor ?? '');
    if (!actor) return null;
    return {
      actor,
      stance: match.groups?.claimed ? 'asserts' : 'denies',
      evidence: this.evidence(match, sentence),
      sentence,
    };
  }
}
