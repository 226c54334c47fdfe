import { NUMBER } from '../../numbers.js';
import { MODIFIERS, VICTIM, measureOf } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';

/**
 * Victims added to a clause of casualties without a verb of their own: "one soldier was killed and 3
 * militants too", "two guards were wounded and a driver as well". They take the clause's measure;
 * "too" or "as well" after them makes them further victims (reconcile adds them up).
 */
export class ElidedVictimsRule extends CasualtyRule {
  readonly name = 'ElidedVictimsRule';
  protected override readonly prefilter = /\b(?:too|as well)\b/i;
  protected pattern(): string {
    return String.raw`\b(?<verb>killed|dead|died|injured|wounded|hurt)\b[^.;:]{0,60}?\band\s+(?<elided>(?<num>${NUMBER}|an?)\s+(?:other\s+|more\s+)?${MODIFIERS}(?<victim>${VICTIM}))(?=\s+(?:too|as\s+well)\b)`;
  }

  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    const finding = super.build(match, sentence);
    if (!finding) return null;
    // The evidence is the victims alone: the clause before is another rule's finding.
    const [from, to] = match.indices.groups!.elided!;
    finding.evidence = { ...finding.evidence, start: sentence.start + from, end: sentence.start + to, text: sentence.text.slice(from, to) };
    finding.measure = measureOf(match.groups!.verb!);
    return finding;
  }
}
