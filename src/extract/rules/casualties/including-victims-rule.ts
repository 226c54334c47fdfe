import { NUMBER } from '../../numbers.js';
import { MODIFIERS, VICTIM } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';

/** "including 36 civilians", "among them five children": a part of the figure before it. */
export class IncludingVictimsRule extends CasualtyRule {
  readonly name = 'IncludingVictimsRule';
  protected override partOfPrevious = true;
  protected pattern(): string {
    return String.raw`\b(?:including|among them|among whom|of whom|of them|mostly)\s+(?<num>${NUMBER})\s+${MODIFIERS}(?<victim>${VICTIM})\b`;
  }

  /** "50 others including 10 policemen were injured": a verb right after the part names its own measure. */
  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    const finding = super.build(match, sentence);
    if (!finding) return null;
    const after = sentence.text.slice(match.index + match[0].length, match.index + match[0].length + 40);
    const own = /^[\s,)]*(?:(?:were|was|have been|had been)\s+)?(?:\w+ly\s+)?(?<verb>killed|dead|died|injured|wounded|hurt|sustained|suffered)\b/i.exec(after)?.groups?.verb;
    if (own) {
      finding.measure = /killed|dead|died/i.test(own) ? 'killed' : 'injured';
      finding.ownMeasure = true;
    }
    return finding;
  }
}
