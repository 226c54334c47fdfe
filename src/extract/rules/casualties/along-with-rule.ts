import { NUMBER, parseNumber } from '../../numbers.js';
import { ADVERBS, CASUALTY_VERB, MODIFIERS, VICTIM, measureOf, victimClass } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';
import { countVictims } from './subject-count-rule.js';

/** "X was killed along with six other militants": the named victim plus the others; "two soldiers were killed along with 15 militants": both counts. */
export class AlongWithRule extends CasualtyRule {
  readonly name = 'AlongWithRule';
  protected pattern(): string {
    return String.raw`\b(?<aux>was|were|has been)\s+${ADVERBS}(?<verb>${CASUALTY_VERB})\s+(?:along\s+with|together\s+with|with)\s+(?<num>${NUMBER})\s+(?:other\s+|others\s+|more\s+)?(?:${MODIFIERS}(?<victim>${VICTIM})\b)?`;
  }

  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    const others = parseNumber(match.groups?.num ?? '');
    if (!others) return null;
    const finding = super.build(match, sentence);
    if (!finding) return null;
    // "Two soldiers were killed along with 15 militants": a plural subject is counted, a singular one is one.
    const before = sentence.text.slice(Math.max(0, match.index - 120), match.index);
    const subject = /(?:^|[,;:]\s*|\b(?:when|as|after|while|and)\s+)([^,;:]*)$/.exec(before)?.[1] ?? '';
    const counted = /^were$/i.test(match.groups?.aux ?? '') ? parseNumber(countVictims(subject.trim()) ?? '') : null;
    const subjects = counted && counted.low >= 2 ? counted.low : 1;
    finding.figure = { ...others, low: others.low + subjects, high: others.high + subjects };
    finding.measure = measureOf(match.groups!.verb!);
    finding.victims = victimClass(match.groups?.victim);
    return finding;
  }
}
