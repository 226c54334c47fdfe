import { AttributionRule } from './attribution-rule.js';

/** A speaker after the statement: "..., police said.", "..., said the health ministry.", "..., the ministry told AFP.", "..., a spokesman told local media." */
export class TrailingSaidRule extends AttributionRule {
  readonly name = 'TrailingSaidRule';
  protected override readonly flags = 'gd';
  protected pattern(): string {
    const name = String.raw`(?:[\w'’.()-]+\s+){0,8}?[\w'’.()-]+`;
    // "told local media", "said in a statement": lower-case words after the verb name no outlet.
    const wordsAfterVerb = String.raw`[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,4}`;
    // "said on Monday": a day or a month is when it was said, not an outlet.
    const notAWhen = String.raw`(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)`;
    return String.raw`,\s*["”]?\s*(?:(?<who>${name})\s+(?<verb>said|says|reported|added|confirmed|told|claimed|denied)(?:\s+(?:[a-z][\w'’-]*\s+){0,4}?${notAWhen}(?<outlet>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})|\s+${wordsAfterVerb})?|(?<verb2>said|according to)\s+(?<who2>${name}))(?:\s+(?:on|late on)\s+\w+day)?\s*[.!?"”]*$`;
  }

  protected override build(...[match, sentence]: Parameters<AttributionRule['build']>) {
    const g = match.groups ?? {};
    if (g.who2) match.groups = { who: g.who2, verb: 'said' };
    return super.build(match, sentence);
  }
}
