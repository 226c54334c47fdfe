import { NUMBER } from '../../numbers.js';
import { CasualtyRule } from './casualty-rule.js';

/** "the death toll rose to 45", "a death toll of 12", "the toll has climbed to 30". */
export class DeathTollRule extends CasualtyRule {
  readonly name = 'DeathTollRule';
  protected pattern(): string {
    return String.raw`\b(?:death|casualty|fatality|civilian death)?\s*toll\s+(?:(?:of|at)\s+|(?:\w+\s+){0,4}?(?:rose|risen|climbed|increased|reached|jumped|stood|stands|is|was|has risen|went up)\s+(?:to\s+|at\s+)?)(?<num>${NUMBER})\b`;
  }
}
