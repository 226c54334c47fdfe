import { ADVERBS, MODIFIERS, VICTIM, CASUALTY_VERB } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';

/** One victim named with an article: "a soldier was killed", "killing a policeman", "killing the driver". */
export class ArticleVictimRule extends CasualtyRule {
  readonly name = 'ArticleVictimRule';
  protected pattern(): string {
    return String.raw`(?:\b(?<num>an?)\s+${MODIFIERS}(?<victim>${VICTIM})\s+(?:was|has been|had been|is)\s+${ADVERBS}(?<verb>${CASUALTY_VERB})\b|\b(?<verb2>killing|killed|kills|kill|assassinated|assassinating|assassinate|shot dead|shoot dead|gunned down|gun down|shot and killed|beheaded|lynched|executed|wounding|wounded|injuring|injured|abducting|abducted|kidnapping|kidnapped)\s+(?:(?<num2>an?|another)\s+(?:${MODIFIERS}(?<victim2>${VICTIM})\b|[\w'’-]+)|(?<num3>the)\s+(?!(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|\d+)\b)(?:[\w'’-]+\s+)?(?!(?:who|which|that|whose)\b)(?<noun3>[\w'’-]*[^s\W])\b(?!\s+(?:and|of)\b)))`;
  }

  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    const g = match.groups ?? {};
    if (g.num2 || g.num3) match.groups = { num: 'one', verb: g.verb2!, victim: g.victim2 ?? g.noun3 ?? '' };
    else match.groups = { ...g, num: 'one' };
    return super.build(match, sentence);
  }
}
