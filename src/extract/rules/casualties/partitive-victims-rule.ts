import { NUMBER } from '../../numbers.js';
import { VICTIM } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';

/** "At least 36 of those killed are civilians", "four of the dead were children". */
export class PartitiveVictimsRule extends CasualtyRule {
  readonly name = 'PartitiveVictimsRule';
  protected pattern(): string {
    return String.raw`\b(?<num>${NUMBER})\s+of\s+(?:those|the|them)\s+(?<verb>killed|dead|injured|wounded)?\s*(?:victims\s+)?(?:were|are|was)\s+(?:\w+\s+)?(?<victim>${VICTIM})\b`;
  }
}
