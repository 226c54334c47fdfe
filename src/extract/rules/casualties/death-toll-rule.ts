import { NUMBER } from '../../numbers.js';
import { CasualtyRule } from './casualty-rule.js';

/**
 * "the death toll rose to 45", "a death toll of 12", "the toll has climbed to 30", and a coder's own
 * figure: "fatalities coded as 3", "(coded as 10)", or a sentence that is nothing but a tally ("3 fatalities.").
 */
export class DeathTollRule extends CasualtyRule {
  readonly name = 'DeathTollRule';

  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    const coded = match.groups?.coded ?? match.groups?.tally;
    if (coded) match.groups = { ...match.groups, num: coded };
    return super.build(match, sentence);
  }

  protected override readonly prefilter = /toll|coded|fatalit/i;
  protected pattern(): string {
    const coded = String.raw`(?:\bfatalities\s+(?:and\s+injuries\s+)?(?:were\s+)?|\(\s*)coded\s+(?:as|to|at)\s+(?<coded>${NUMBER})`;
    const toll = String.raw`\b(?:death|casualty|fatality|civilian death)?\s*toll\s+(?:(?:of|at)\s+|(?:[\w'’-]+\s+){0,10}?(?:rose|risen|climbed|increased|reached|jumped|stood|stands|is|was|has risen|went up)\s+(?:to\s+|at\s+)?)(?<num>${NUMBER})`;
    return String.raw`^(?<tally>${NUMBER})\s+fatalit(?:y|ies)\.?$|(?:${coded}|${toll})\b`;
  }
}
