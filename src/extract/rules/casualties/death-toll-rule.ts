import { NUMBER } from '../../numbers.js';
import { CasualtyRule } from './casualty-rule.js';

/** "the death toll rose to 45", "a death toll of 12", "the toll has climbed to 30", "fatalities coded as 3" (a coder's own figure). */
export class DeathTollRule extends CasualtyRule {
  readonly name = 'DeathTollRule';

  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    if (match.groups?.coded) match.groups = { ...match.groups, num: match.groups.coded };
    return super.build(match, sentence);
  }

  protected override readonly prefilter = /toll|coded/i;
  protected pattern(): string {
    return String.raw`\b(?:fatalities\s+(?:were\s+)?coded\s+(?:as|to|at)\s+(?<coded>${NUMBER})|(?:death|casualty|fatality|civilian death)?\s*toll\s+(?:(?:of|at)\s+|(?:\w+\s+){0,4}?(?:rose|risen|climbed|increased|reached|jumped|stood|stands|is|was|has risen|went up)\s+(?:to\s+|at\s+)?)(?<num>${NUMBER}))\b`;
  }
}
