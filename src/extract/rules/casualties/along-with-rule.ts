import { NUMBER, parseNumber } from '../../numbers.js';
import { ADVERBS, CASUALTY_VERB, MODIFIERS, VICTIM, measureOf, victimClass } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';

/** "X was killed along with six other militants": the named victim plus the others. */
export class AlongWithRule extends CasualtyRule {
  readonly name = 'AlongWithRule';
  protected pattern(): string {
    return String.raw`\b(?:was|were|has been)\s+${ADVERBS}(?<verb>${CASUALTY_VERB})\s+(?:along\s+with|together\s+with|with)\s+(?<num>${NUMBER})\s+(?:other\s+|others\s+|more\s+)?(?:${MODIFIERS}(?<victim>${VICTIM})\b)?`;
  }

  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    const others = parseNumber(match.groups?.num ?? '');
    if (!others) return null;
    const finding = super.build(match, sentence);
    if (!finding) return null;
    finding.figure = { ...others, low: others.low + 1, high: others.high + 1 };
    finding.measure = measureOf(match.groups!.verb!);
    finding.victims = victimClass(match.groups?.victim);
    return finding;
  }
}
