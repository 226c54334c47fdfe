// "Lawyers protested against the killing of two lawyers by police": the deaths are the protest's
// grievance, reported elsewhere, not casualties of the protest. So are deaths that prompted an
// operation ("troops launched an operation after a soldier was killed").
import type { CasualtyFinding, CasualtyRefiner } from '../types.js';

/** A protest or demand before the figure in the same sentence makes the figure its reason. */
const GRIEVANCE_BEFORE = /\b(?:protest(?:ed|ing|s)?|demonstrat(?:ed|ing|ion|ions)|rall(?:y|ied|ies)|marched|demand(?:ed|ing|s)?|condemn(?:ed|ing|s)?)\b(?:(?![.;:]).)*$/i;
/** Words of violence at the protest itself between the protest word and the figure: those casualties count. */
const VIOLENCE_AT_PROTEST = /\b(?:opened fire|fired|clash\w*|attack\w*|charged|shot|tear ?gas|police|security forces|troops|soldiers)\b/i;

/** "launched a search operation in the area after one soldier was killed": the deaths that prompted an operation came before it. */
const OPERATION_AFTER = /\b(?:launched|began|started|conducted|initiated|mounted)\b[^.;:]{0,80}\b(?:operation|offensive|crackdown|search)\b[^.;:]{0,60}\bafter\s+$/i;
/** A clause of deaths told as happening while the crowd acted: "joined the protests and looted stores as two people were killed". */
const AT_THE_SAME_TIME = /\b(?:as|when|while)\s+$/i;

export const GrievanceRefiner: CasualtyRefiner = {
  name: 'GrievanceRefiner',
  /** Drops the deaths a protest is about ("protesting the death of a worker", "demanding the arrest of those who killed two children"), or that an operation answered. */
  refine(findings: CasualtyFinding[]): CasualtyFinding[] {
    return findings.filter((f) => {
      // The clause before the figure; a bounded window keeps this linear on a page with no full stops.
      const before = f.sentence.text.slice(Math.max(0, f.evidence.start - f.sentence.start - 300), f.evidence.start - f.sentence.start);
      if (OPERATION_AFTER.test(before)) return false;
      const grievance = GRIEVANCE_BEFORE.exec(before);
      return !grievance || VIOLENCE_AT_PROTEST.test(before.slice(grievance.index)) || AT_THE_SAME_TIME.test(before);
    });
  },
};
