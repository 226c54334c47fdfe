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
}
