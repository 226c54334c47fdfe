import { NUMBER } from '../../numbers.js';
import { ADVERBS, CASUALTY_VERB, VICTIM_OWNER, VICTIM_PHRASE } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';

/** "At least 63 people, including 36 civilians, have been killed", "12 were wounded", "dozens of people were seriously injured", "three farmers were abducted by gunmen and later killed". */
export class PassiveCasualtyRule extends CasualtyRule {
  readonly name = 'PassiveCasualtyRule';
  protected pattern(): string {
    return String.raw`\b(?<num>${NUMBER})\s+(?:of\s+)?(?:${VICTIM_PHRASE}${VICTIM_OWNER}?)?(?:\s*,[^,]{1,80},|\s*,?\s*(?:including|among them)\s[^,]{1,60}?(?=\s+(?:were|have|had|was)\b))?\s+(?<aux>(?:(?:have|has|had)\s+)?(?:been|were|was|are|is|being))\s+${ADVERBS}(?:(?:kidnapped|abducted|arrested|detained|captured|tortured|beaten|shot|attacked)(?:\s+by\s+[^.;,]{1,40}?)?\s+and\s+(?:later\s+|then\s+|subsequently\s+)?)?(?<verb>${CASUALTY_VERB})\b`;
  }

  /** "A man accused of stealing 11 goats was beaten to death": a singular verb means the number counts something else. */
  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    const finding = super.build(match, sentence);
    const singular = /^(?:was|is|has been)$/.test((match.groups?.aux ?? '').replace(/\s+/g, ' '));
    return finding && singular && finding.figure.low > 1 ? null : finding;
  }
}
