// Turns casualty and involvement findings into claims: who says so (the attribution in the
// sentence, else one inherited from the sentences around it), stance and hedges.
import { NEW_INCIDENT_CUE } from './vocabulary.js';
import type { Claim, Evidence, Tally } from '../types.js';
import { sentenceEvidence } from './rules/pattern-rule.js';
import type { Sentence } from './sentences.js';
import type { AttributionFinding, CasualtyFinding, Findings, InvolvementFinding } from './types.js';

export function buildClaims(findings: Findings): Claim[] {
  const attributionOf = attributionResolver(findings);
  const claims: Claim[] = [];
  let previous: CasualtyFinding | null = null;
  for (const finding of findings.casualties) {
    // "arrested 7 militants including one commander": a part of no figure in its sentence is no claim.
    if (finding.partOfPrevious && !finding.ownMeasure && previous?.sentence !== finding.sentence) continue;
    // "including 36 civilians" shares the measure of the figure it is part of.
    const measure = finding.partOfPrevious && !finding.ownMeasure && previous?.sentence === finding.sentence ? previous.measure : finding.measure;
    if (!finding.partOfPrevious) previous = finding;
    claims.push(casualtyClaim(finding, measure, attributionOf(finding.sentence)));
  }
  for (const involvement of findings.involvements) claims.push(involvementClaim(involvement, attributionOf(involvement.sentence)));
  attachHedges(claims, findings);
  return claims.sort((a, b) => a.evidence.start - b.evidence.start);
}

/** The running tallies of a report, each with its source, period and scope. */
export function buildTallies(findings: Findings): Tally[] {
  const attributionOf = attributionResolver(findings);
  return findings.tallies
    .filter((t) => !t.partOfPrevious)
    .map((t) => ({ ...casualtyClaim(t, t.measure, attributionOf(t.sentence)), period: t.period, scope: t.scope }));
}

function casualtyClaim(finding: CasualtyFinding, measure: Claim['measure'], attribution: ResolvedAttribution | null): Claim {
  return {
    measure,
    victims: finding.victims,
    qualifier: finding.figure.qualifier,
    low: finding.figure.low,
    high: finding.figure.high,
    vagueWord: finding.figure.vagueWord,
    stance: stanceOf(attribution, finding.sentence),
    speaker: attribution?.finding.speaker ?? null,
    outlet: attribution?.finding.outlet ?? null,
    hedges: [],
    actor: null,
    evidence: finding.evidence,
    sentence: sentenceEvidence(finding.sentence, attribution?.rule ?? 'UnattributedClaim'),
  };
}

function involvementClaim(finding: InvolvementFinding, attribution: ResolvedAttribution | null): Claim {
  return {
    measure: 'involvement',
    victims: 'all',
    qualifier: 'none',
    low: null,
    high: null,
    vagueWord: null,
    stance: finding.stance,
    speaker: attribution?.finding.speaker ?? null,
    outlet: attribution?.finding.outlet ?? null,
    hedges: [],
    actor: finding.actor,
    evidence: finding.evidence,
    sentence: sentenceEvidence(finding.sentence, attribution?.rule ?? 'UnattributedClaim'),
  };
}

/** A denial denies the claims of its own sentence only; a source inherited from elsewhere asserts. */
function stanceOf(attribution: ResolvedAttribution | null, sentence: Sentence): 'asserts' | 'denies' {
  return attribution && attribution.finding.sentence === sentence ? attribution.finding.stance : 'asserts';
}

/** A speaker that offers another account than the one told before it: "Other sources", "Another report". */
const ANOTHER_ACCOUNT = /^(?:other|another)\b/i;

interface ResolvedAttribution {
  finding: AttributionFinding;
  /** How the claim got its source: the attribution rule itself, or an inheritance step. */
  rule: string;
}

/**
 * Finds the source of a sentence's claims, in order: the sentence itself; its paragraph; the
 * quote it continues; the two sentences before it; the sentence after it (news leads give the
 * figure first and the source next: "At least 63 were killed. According to SOHR, ...").
 */
function attributionResolver(findings: Findings) {
  const bySentence = new Map<number, AttributionFinding>();
  for (const a of findings.attributions) if (!bySentence.has(a.sentence.index)) bySentence.set(a.sentence.index, a);
  const sentences = findings.sentences;
  const at = (index: number) => bySentence.get(index);

  return (sentence: Sentence): ResolvedAttribution | null => {
    const own = at(sentence.index);
    if (own) return { finding: own, rule: own.evidence.rule };
    // "In a separate incident, ...": a new incident's claims do not take the previous one's source.
    if (NEW_INCIDENT_CUE.test(sentence.text)) return null;
    // "Other sources report that 2 were killed": a second account, not the source of the sentences before it.
    const paragraphMate = sentences.find((s) => s.paragraph === sentence.paragraph && at(s.index) && !(s.index > sentence.index && ANOTHER_ACCOUNT.test(at(s.index)!.speaker ?? '')));
    if (paragraphMate) return { finding: at(paragraphMate.index)!, rule: 'SameParagraphAttribution' };
    const quoted = quoteSource(sentence, sentences, at);
    if (quoted) return { finding: quoted, rule: 'QuoteContinuationAttribution' };
    for (const offset of [-1, -2]) {
      const before = at(sentence.index + offset);
      if (before) return { finding: before, rule: 'PrecedingSentenceAttribution' };
    }
    const after = at(sentence.index + 1);
    if (after && after.evidence.rule === 'AccordingToRule') return { finding: after, rule: 'LeadAttribution' };
    return null;
  };
}

/** A paragraph that opens with a quotation mark continues the quote of the paragraph before it. */
function quoteSource(sentence: Sentence, sentences: Sentence[], at: (i: number) => AttributionFinding | undefined): AttributionFinding | null {
  let paragraphStart = sentences.find((s) => s.paragraph === sentence.paragraph)!;
  while (/^["“]/.test(paragraphStart.text) && paragraphStart.index > 0) {
    const previousParagraph = sentences.filter((s) => s.paragraph === paragraphStart.paragraph - 1);
    const speaker = previousParagraph.map((s) => at(s.index)).find(Boolean);
    if (speaker) return speaker;
    if (!previousParagraph[0]) return null;
    paragraphStart = previousParagraph[0];
  }
  return null;
}

/** Hedges: "toll" hedges go to the death-toll claims before them; others to claims in their paragraph. */
function attachHedges(claims: Claim[], findings: Findings): void {
  for (const hedge of findings.hedges) {
    const text = hedge.evidence.text;
    const targets =
      hedge.scope === 'toll'
        ? tollClaimsBefore(claims, hedge.evidence)
        : claims.filter((c) => c.measure !== 'involvement' && sentenceOf(findings, c)?.paragraph === hedge.sentence.paragraph);
    for (const claim of targets) if (!claim.hedges.includes(text)) claim.hedges.push(text);
  }
}

function tollClaimsBefore(claims: Claim[], hedge: Evidence): Claim[] {
  const killedAll = claims.filter((c) => c.measure === 'killed' && c.victims === 'all' && c.evidence.start < hedge.start);
  return killedAll.length > 0 ? [killedAll[killedAll.length - 1]!] : [];
}

function sentenceOf(findings: Findings, claim: Claim): Sentence | undefined {
  return findings.sentences.find((s) => s.start <= claim.evidence.start && claim.evidence.start < s.end);
}
