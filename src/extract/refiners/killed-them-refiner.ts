// "Gunmen abducted 9 soldiers. They later killed them." (or "... their bodies were found"): the pronoun's figure is the abducted one.
import type { CasualtyFinding, CasualtyRefiner, RefinerContext } from '../types.js';

const KILLED_THEM = /\b(?:(?:killed|executed|shot dead|murdered|beheaded)\s+(?:all\s+(?:of\s+)?)?them|their\s+(?:[\w-]+\s+)?bodies\s+(?:were|have been|had been)\s+(?:\w+ly\s+)?(?:found|discovered|recovered))\b/i;

export const KilledThemRefiner: CasualtyRefiner = {
  name: 'KilledThemRefiner',
  /** Adds a killed finding for "killed them" after an abduction figure in the same or the previous sentence. */
  refine(findings: CasualtyFinding[], { sentences }: RefinerContext): CasualtyFinding[] {
    const added: CasualtyFinding[] = [];
    for (const sentence of sentences) {
      const match = KILLED_THEM.exec(sentence.text);
      if (!match) continue;
      const abducted = findings
        .filter((f) => f.measure === 'abducted' && (f.sentence === sentence || f.sentence.index === sentence.index - 1) && f.evidence.start < sentence.start + match.index)
        .at(-1);
      if (!abducted) continue;
      const start = sentence.start + match.index;
      added.push({
        ...abducted,
        measure: 'killed',
        evidence: { start, end: start + match[0].length, text: match[0], rule: this.name, note: `"them" are the ${abducted.figure.low} abducted in "${abducted.evidence.text}"` },
        sentence,
        partOfPrevious: false,
      });
    }
    return [...findings, ...added].sort((a, b) => a.evidence.start - b.evidence.start);
  },
};
