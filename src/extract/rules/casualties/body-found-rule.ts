import { NUMBER } from '../../numbers.js';
import { CasualtyRule } from './casualty-rule.js';

const WHOSE = /^[^.;]*?(?=\s+(?:were|was|has|have|had|who|which|that|by|in|at|near|from|on|after|killed|abducted|kidnapped|found|discovered|recovered|retrieved)\b|$)/i;

/** "the body of a man was found", "a man's body was found", "the bodies of three farmers were recovered", "five corpses were discovered", "the Red Cross recovered 17 bodies", "3 villagers' bodies were found", "his bullet-hit body was recovered", "police recovered the body of a robber". */
export class BodyFoundRule extends CasualtyRule {
  readonly name = 'BodyFoundRule';
  protected override readonly prefilter = /bod(?:y|ies)|corpse|remains/i;
  protected pattern(): string {
    const whose = String.raw`(?:(?:dead|bullet-riddled|bullet riddled|mutilated|charred|decomposed|lifeless)\s+)?`;
    const found = String.raw`(?:found|discovered|recovered|dumped|retrieved|thrown|located|left)`;
    // "His bullet-hit body was recovered later", "police recovered the bullet-hit body of a convicted robber", "the dead body of a captain".
    const oneBody = String.raw`\b(?<num6>An?|One)\s+(?:[\w-]+\s+){0,2}?(?:body|corpse)\b(?:\s+(?:of|with|inside|in|wrapped|bearing)\b[^.;]{0,50}?)?\s+(?:was|has been|had been)\s+(?:\w+ly\s+)?${found}\b|`+String.raw`\b(?<his>his|her)\s+(?:[\w-]+\s+)?body\s+(?:was|has been|had been)\s+(?:\w+ly\s+|later\s+)?${found}\b|\b(?:found|discovered|recovered|retrieved|captured|seized)\b[^.;]{0,60}?\b(?:the|a)\s+(?:[\w-]+\s+)?body\s+of\s+(?<num5>an?|one)\b`;
    return String.raw`${oneBody}|\b(?:(?:the\s+)?${whose}(?:body|bodies|corpses?|remains)\s+of\s+(?<num>${NUMBER}|an?|one)\b[^.;]{0,80}?|(?<num2>an?|one)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|boy|girl|person|child)'s\s+${whose}body\s+)(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?${found}\b|\b(?<num3>${NUMBER})\s+(?:[\w-]+\s+){0,2}?(?:[\w-]+['’]s?\s+)?(?:dead\s+|more\s+)?(?:bodies|corpses)\b(?:\s+(?:of|with|bearing)\s+[^.;]{1,60}?)?\s+(?:were|have been|had been)\s+(?:\w+ly\s+)?(?:found|discovered|recovered|retrieved|located)\b|\b(?:found|discovered|recovered|retrieved|collected|pulled out)\s+(?:[\w-]+\s+){0,4}?(?<num4>${NUMBER})\s+(?:dead\s+)?(?:bodies|corpses)\b`;
  }

  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    const key = (['num', 'num2', 'num3', 'num4', 'num5', 'num6'] as const).find((k) => match.groups?.[k] !== undefined);
    const num = key ? match.groups![key]! : 'one';
    // Whose bodies: the words after the figure up to a verb or a preposition ("three bodies of MNDAA fighters were found" are fighters').
    const numEnd = key ? match.indices.groups![key]![1] : match.index;
    const phrase = WHOSE.exec(sentence.text.slice(numEnd, match.index + match[0].length))?.[0] ?? '';
    return super.build(Object.assign(match, { groups: { num, verb: 'killed', victim: '', phrase } }), sentence);
  }
}
