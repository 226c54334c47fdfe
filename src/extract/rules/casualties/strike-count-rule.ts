import { NUMBER } from '../../numbers.js';
import { CasualtyRule } from './casualty-rule.js';

/** "carried out at least ten airstrikes": how many strikes, a claim of its own. */
export class StrikeCountRule extends CasualtyRule {
  readonly name = 'StrikeCountRule';
  protected override defaultMeasure = 'strikes' as const;
  protected override readonly prefilter = /strikes|raids|sorties/i;
  protected pattern(): string {
    return String.raw`\b(?:carried out|launched|conducted|staged|made)\s+(?<num>${NUMBER})\s+(?:\w+\s+)?(?:air\s?strikes|air raids|strikes|raids|sorties)\b`;
  }
}
