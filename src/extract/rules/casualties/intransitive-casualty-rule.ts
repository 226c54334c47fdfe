import { NUMBER } from '../../numbers.js';
import { ADVERBS, VICTIM_PHRASE } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';

/** "Two soldiers died", "five people lost their lives", "12 went missing", "Two protesters succumbed to bullet injuries". */
export class IntransitiveCasualtyRule extends CasualtyRule {
  readonly name = 'IntransitiveCasualtyRule';
  protected pattern(): string {
    return String.raw`\b(?<num>${NUMBER})\s+(?:of\s+)?${VICTIM_PHRASE}?\s+(?:(?:have|has|had)\s+)?${ADVERBS}(?<verb>died|perished|lost their lives|went missing|succumb?ed)\b`;
  }
}
