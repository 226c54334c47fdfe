import { NUMBER } from '../../numbers.js';
import { MODIFIERS, VICTIM } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';

/** "the deaths of 12 people", "the killing of three farmers", "claimed 12 lives", "claimed the lives of five soldiers". */
export class DeathsOfRule extends CasualtyRule {
  readonly name = 'DeathsOfRule';
  protected pattern(): string {
    return String.raw`\b(?:(?:deaths?|killings?|murders?)\s+of|claimed\s+(?:the\s+lives\s+of\s+)?|claiming\s+(?:the\s+lives\s+of\s+)?)\s*(?<num>${NUMBER})\s+(?:lives\b|${MODIFIERS}(?<victim>${VICTIM})\b)`;
  }
}
