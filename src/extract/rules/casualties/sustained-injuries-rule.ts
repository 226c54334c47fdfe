import { NUMBER } from '../../numbers.js';
import { VICTIM_PHRASE } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';

/** "At least eight persons sustained burn injuries", "two policemen suffered bullet wounds". */
export class SustainedInjuriesRule extends CasualtyRule {
  readonly name = 'SustainedInjuriesRule';
  protected override defaultMeasure = 'injured' as const;
  protected pattern(): string {
    return String.raw`\b(?<num>${NUMBER})\s+(?:of\s+)?${VICTIM_PHRASE}?(?:\s*,[^,]{1,80},)?\s+(?:\w+ly\s+)?(?:sustained|suffered|received)\s+(?:[\w-]+\s+){0,2}?(?:injuries|injures|wounds|burns|burn-injuries)\b`;
  }
}
