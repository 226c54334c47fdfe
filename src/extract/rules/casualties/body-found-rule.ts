import { NUMBER } from '../../numbers.js';
import { CasualtyRule } from './casualty-rule.js';

/** "the body of a man was found", "a man's body was found", "the bodies of three farmers were recovered", "five corpses were discovered", "the Red Cross recovered 17 bodies". */
export class BodyFoundRule extends CasualtyRule {
  readonly name = 'BodyFoundRule';
  protected override readonly prefilter = /bod(?:y|ies)|corpse|remains/i;
  protected pattern(): string {
    const whose = String.raw`(?:(?:dead|bullet-riddled|bullet riddled|mutilated|charred|decomposed|lifeless)\s+)?`;
    return String.raw`\b(?:(?:the\s+)?${whose}(?:body|bodies|corpses?|remains)\s+of\s+(?<num>${NUMBER}|an?|one)\b[^.;]{0,80}?|(?<num2>an?|one)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|boy|girl|person|child)'s\s+${whose}body\s+)(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:found|discovered|recovered|dumped|retrieved|thrown)\b|\b(?<num3>${NUMBER})\s+(?:dead\s+|more\s+)?(?:bodies|corpses)\b(?:\s+of\s+[^.;]{1,60}?)?\s+(?:were|have been|had been)\s+(?:\w+ly\s+)?(?:found|discovered|recovered|retrieved)\b|\b(?:found|discovered|recovered|retrieved|collected|pulled out)\s+(?:[\w-]+\s+){0,4}?(?<num4>${NUMBER})\s+(?:dead\s+)?(?:bodies|corpses)\b`;
  }

  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    const num = match.groups?.num ?? match.groups?.num2 ?? match.groups?.num3 ?? match.groups?.num4 ?? 'one';
    return super.build(Object.assign(match, { groups: { num, verb: 'killed', victim: '' } }), sentence);
  }
}
