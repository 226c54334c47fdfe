import { NUMBER } from '../../numbers.js';
import { MODIFIERS, VICTIM } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';

/** "killed 12 people" (but not "1 killed, 5 injured" or "killed 5 others injured"), "injured five others", "wounding 30", "which killed at least 70 people", "abducted 20 students", a quoted figure: killing "several". */
export class ActiveCasualtyRule extends CasualtyRule {
  readonly name = 'ActiveCasualtyRule';
  protected pattern(): string {
    return String.raw`\b(?<verb>killed|killing|killling|kills|kill|assassinated|shot dead|shoot dead|shoots dead|gunned down|gun down|guns down|shot and killed|massacred|executed|beheaded|lynched|hacked to death|wounded|wounding|injured|injuring|abducted|abducting|kidnapped|kidnapping)\s+(?:the\s+)?["“']?(?<num>${NUMBER})\b["”']?(?!\s+(?:others\s+)?(?:injured|wounded|hurt|dead)\b)(?:\s+others\b|\s+(?:other\s+|more\s+)?${MODIFIERS}(?<victim>${VICTIM})\b)?`;
  }
}
