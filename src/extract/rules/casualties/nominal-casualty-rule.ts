import { NUMBER } from '../../numbers.js';
import { ADVERBS, VICTIM_OWNER, VICTIM_PHRASE } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';

/** "12 dead", "leaving five people dead and 12 injured", "12 casualties", "three soldiers killed in the attack". */
export class NominalCasualtyRule extends CasualtyRule {
  readonly name = 'NominalCasualtyRule';
  protected pattern(): string {
    // A following figure or determiner means an active clause ("5 militants killed 3 soldiers"): not ours.
    return String.raw`\b(?<num>${NUMBER})\s+(?:${VICTIM_PHRASE}${VICTIM_OWNER}?\s+)?${ADVERBS}(?<verb>dead|deaths?|fatalit(?:y|ies)|casualt(?:y|ies)|killed|injured|wounded|injuries|hurt|missing)\b(?!\s+(?:\d+|the|a|an|his|her|their|two|three)\b(?!\s+(?:injured|wounded|hurt|others)\b))`;
  }

  protected override build(...args: Parameters<CasualtyRule['build']>) {
    const finding = super.build(...args);
    if (!finding) return null;
    const [match, sentence] = args;
    const verb = match.groups?.verb?.toLowerCase();
    // "one of those killed", "two among the four dead": a part of a group counted elsewhere, never a total.
    const [, numEnd] = match.indices.groups!.num!;
    const [verbStart] = match.indices.groups!.verb!;
    if (/^(?:killed|dead)$/.test(verb ?? '') && /^\s+(?:of|among)\s+(?:those|the|them|these)\b(?:\s+\w+)?\s+$/i.test(sentence.text.slice(numEnd, verbStart))) return null;
    // "a number of casualties": the dead and the hurt together, with no count; ACLED's unknown-toll convention is for deaths.
    if (finding.figure.vagueWord && /^casualt/.test(verb ?? '')) return null;
    if (/^(?:deaths?|fatalit|casualt)/.test(verb ?? '')) finding.measure = 'killed';
    if (verb === 'injuries') finding.measure = 'injured';
    return finding;
  }
}
