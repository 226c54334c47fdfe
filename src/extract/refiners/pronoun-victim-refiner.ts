// "Gunmen chased a party leader and killed him", "two bombers blew up, killing only themselves",
// "4 suspects were shifted to a hospital where they died": the pronoun's victims count when
// nothing else in the report counts the dead.
import { NUMBER, parseNumber } from '../numbers.js';
import { ACCUSED_BEFORE, UNREALISED_BEFORE } from '../rules/casualties/casualty-rule.js';
import type { CasualtyFinding, CasualtyRefiner, RefinerContext } from '../types.js';
import { MODIFIERS, VICTIM, phraseVictimClass } from '../vocabulary.js';

const KILLED_PRONOUN =
  /\b(?:(?:killed|killing|murdered|murdering|executed|executing|beheaded|lynched|assassinated)\s+(?:only\s+)?(?<object>him|her|them|themselves)|(?:shot|shooting|gunned|stabbed|hacked|beat|beaten|bludgeoned|chopped)\s+(?<object2>him|her|them)\s+(?:dead|to\s+death|down)|where\s+(?<subject>they)\s+(?:later\s+)?(?:died|succumbed))\b/i;
/** The last counted victims before the pronoun in its sentence: "targeted two levies personnel ..., killing them". */
const ANTECEDENT = new RegExp(String.raw`\b(?<num>${NUMBER})\s+${MODIFIERS}(?<victim>${VICTIM})\b`, 'gi');

export const PronounVictimRefiner: CasualtyRefiner = {
  name: 'PronounVictimRefiner',
  /** Adds a killed finding for "killed him" (one) or "killing them" (the figure named before it in the sentence) when the report counts no dead. */
  refine(findings: CasualtyFinding[], { sentences, lexicons }: RefinerContext): CasualtyFinding[] {
    if (findings.some((f) => f.measure === 'killed')) return findings;
    for (const sentence of sentences) {
      const match = KILLED_PRONOUN.exec(sentence.text);
      if (!match) continue;
      const before = sentence.text.slice(Math.max(0, match.index - 60), match.index);
      if (UNREALISED_BEFORE.test(before) || ACCUSED_BEFORE.test(before)) continue;
      const pronoun = (match.groups?.object ?? match.groups?.object2 ?? match.groups?.subject ?? '').toLowerCase();
      // "them", "themselves", "they": as many as the victims counted before it in the sentence.
      const plural = pronoun !== 'him' && pronoun !== 'her';
      const antecedent = plural ? [...sentence.text.slice(0, match.index).matchAll(ANTECEDENT)].at(-1) : undefined;
      const figure = plural ? parseNumber(antecedent?.groups?.num ?? '') : parseNumber('one');
      if (!figure || (plural && figure.low < 2)) continue;
      const start = sentence.start + match.index;
      const note = antecedent ? `"them" are the ${figure.low} in "${antecedent[0]}"` : `"${pronoun}" is one victim`;
      const added: CasualtyFinding = {
        measure: 'killed',
        victims: phraseVictimClass(antecedent?.[0] ?? '', antecedent?.groups?.victim, lexicons.armedGroupNamed),
        figure,
        evidence: { start, end: start + match[0].length, text: match[0], rule: this.name, note },
        sentence,
        partOfPrevious: false,
      };
      return [...findings, added].sort((a, b) => a.evidence.start - b.evidence.start);
    }
    return findings;
  },
};
