import { NUMBER } from '../../numbers.js';
import { ADVERBS, CASUALTY_VERB, VICTIM_PHRASE } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';

/** "At least 63 people, including 36 civilians, have been killed", "12 were wounded", "dozens of people were seriously injured". */
export class PassiveCasualtyRule extends CasualtyRule {
  readonly name = 'PassiveCasualtyRule';
  protected pattern(): string {
    return String.raw`\b(?<num>${NUMBER})\s+(?:of\s+)?${VICTIM_PHRASE}?(?:\s*,[^,]{1,80},|\s*,\s*(?:including|among them)\s[^,]{1,60}?(?=\s+(?:were|have|had|was)\b))?\s+(?:(?:have|has|had)\s+)?(?:been|were|was|are|is|being)\s+${ADVERBS}(?<verb>${CASUALTY_VERB})\b`;
  }
}
