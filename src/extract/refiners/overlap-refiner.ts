// Where two casualty rules read the same words, one finding stays: the earlier rule in the
// configuration wins. Parts ("including 36 civilians") sit inside the figure they belong to.
import type { CasualtyFinding, CasualtyRefiner } from '../types.js';

export const OverlapRefiner: CasualtyRefiner = {
  name: 'OverlapRefiner',
  /** Keeps one finding where rules overlap, and returns the findings in text order. */
  refine(findings: CasualtyFinding[]): CasualtyFinding[] {
    const kept: CasualtyFinding[] = [];
    for (const finding of findings) {
      const overlaps = kept.some((k) => k.partOfPrevious === finding.partOfPrevious && k.evidence.start < finding.evidence.end && finding.evidence.start < k.evidence.end);
      if (!overlaps) kept.push(finding);
    }
    // "including 10 policemen were injured": the part already holds the figure the other rule read from its middle.
    const parts = kept.filter((k) => k.partOfPrevious);
    const readAgain = (f: CasualtyFinding) => !f.partOfPrevious && parts.some((p) => p.evidence.start < f.evidence.start && f.evidence.start < p.evidence.end);
    return kept.filter((f) => !readAgain(f)).sort((a, b) => a.evidence.start - b.evidence.start || Number(a.partOfPrevious) - Number(b.partOfPrevious));
  },
};
