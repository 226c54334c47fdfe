import { CasualtyRule } from './casualty-rule.js';

/**
 * A headline's passive without its "was": "A school teacher chopped to death at Shikarpur",
 * "Rafiq Ahmed, another blogger, hacked to death in the city". One victim, named or with "a".
 */
export class HeadlineVictimRule extends CasualtyRule {
  readonly name = 'HeadlineVictimRule';
  // Capitals matter: the subject opens the sentence with "A", "An", "Another" or a name.
  protected override readonly flags = 'gd';
  protected pattern(): string {
    const described = String.raw`(?:An?|Another)\s+(?:[\w'’-]+\s+){0,4}?`;
    const named = String.raw`[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},\s+(?:an?|another|the)\s+(?:[\w'’-]+\s+){0,4}?`;
    const weapon = String.raw`(?:bomb|blast|explosion|IED|attack|strike|shell|mine|grenade|rocket|missile|drone|fire)`;
    return String.raw`^["“]?(?<subject>(?:${described}|${named})(?!${weapon}\b)[\w'’-]+),?\s+(?<verb>hacked to death|chopped to death|stabbed to death|beaten to death|burnt to death|burned to death|shot to death|shot dead|gunned down|killed|murdered|slaughtered|lynched)(?=\s+(?:at|in|on|near|by|inside|outside)\b(?!\s+(?:least|most|all)\b))`;
  }

  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    return super.build(Object.assign(match, { groups: { num: 'one', verb: 'killed', victim: '', phrase: match.groups!.subject! } }), sentence);
  }
}
