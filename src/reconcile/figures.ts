// Reconciled figures from every claim of an incident: low / best / high fatalities (UCDP GED
// style), civilian range (Airwars style) and injured. Each figure records the rule behind it.
import { ROLE } from '../extract/vocabulary.js';
import type { Claim, FatalityRange } from '../types.js';
import { groupBy } from '../util/group-by.js';
import { codedClaim, countsInHighOnly, type CodingConvention } from './conventions.js';

export interface Figures {
  fatalities: FatalityRange;
  civilianFatalities: { low: number | null; high: number | null };
  injured: { low: number | null; high: number | null };
  /** Which rule set each figure, for the evidence trail. */
  rules: { fatalities: string; civilians: string | null; injured: string | null };
}

/** Victim classes that do not overlap: counts in different classes add up. */
const DISJOINT_CLASSES = ['civilians', 'fighters', 'soldiers', 'police', 'protesters'];
const CIVILIAN_SUBGROUPS = ['children', 'women'];

/** The figures of an incident from its claims; tolls with no exact number count by `convention` (ACLED's by default). */
export function reconcileFigures(claims: Claim[], convention: CodingConvention = 'acled'): Figures {
  const asserted = claims.filter((c) => c.stance === 'asserts' && c.low !== null).map((c) => codedClaim(c, convention));
  const stated = withoutRestatements(addUpOthers(noneBesideDeaths(asserted.filter((c) => c.measure === 'killed'))));
  const killed = latestTolls(membersOfGroups(stated));
  const fatalities = withHighOnlyClaims(killed, convention);
  // "95 people, among them at least 52 civilians": a member of the total, and the civilian figure.
  const civilianMembers = stated.filter((c) => !killed.includes(c) && isCivilian(c) && c.evidence.rule === 'IncludingVictimsRule');
  const civilians = civilianRange([...killed, ...civilianMembers], fatalities.range);
  const injured = totalRange(addUpOthers(asserted.filter((c) => c.measure === 'injured')), convention);
  return {
    fatalities: fatalities.range ?? { low: 0, best: 0, high: 0 },
    civilianFatalities: civilians.range,
    injured: injured.range ? { low: injured.range.low, high: injured.range.high } : { low: null, high: null },
    rules: {
      fatalities: fatalities.range ? fatalities.rule : 'NoFigureMeansZero',
      civilians: civilians.rule,
      injured: injured.range ? injured.rule : null,
    },
  };
}

function isCivilian(claim: Claim): boolean {
  return claim.victims === 'civilians' || CIVILIAN_SUBGROUPS.includes(claim.victims);
}

/** Words that make a figure a further group, not another count of the same one: "three others were also killed". */
const FURTHER = /\b(?:also|other|others|another|more|further|additional)\b/i;
/** "also" just before the phrase, "as well" or "too" closing its clause: "reported that also 4 militants were killed", "was killed in the encounter as well". */
const ALSO_BEFORE = /\balso\s+$/i;
const AS_WELL_AFTER = /^[^,;:.]{0,40}?\b(?:as well|too)\b/i;
/** A bare figure after "and" in a clause of deaths: "3 soldiers were killed instantly and 3 died at the hospital". */
const ELIDED_BEFORE = /\b(?:killed|dead|died)\b[^.;:]{0,60}\band\s+$/i;
const BARE_FIGURE = /^[\w-]+(?:\s+more)?\s+(?:died|succumb?ed|(?:were|have been)\s+(?:\w+ly\s+)?killed)\b/i;

function namesFurtherVictims(claim: Claim): boolean {
  const { sentence, evidence } = claim;
  const from = evidence.start - sentence.start;
  const to = evidence.end - sentence.start;
  const elided = BARE_FIGURE.test(evidence.text) && ELIDED_BEFORE.test(sentence.text.slice(Math.max(0, from - 80), from));
  return elided || FURTHER.test(evidence.text) || ALSO_BEFORE.test(sentence.text.slice(Math.max(0, from - 20), from)) || AS_WELL_AFTER.test(sentence.text.slice(to));
}

/** One victim described by a common noun: "A shop employee has died", "The former militant was killed". */
const DESCRIBED_ONE = /^(?:an?|the|one)\s+[a-z]/i;
/** One victim named by a role or kinship word with "the" or a possessive: "The truck driver died", "his son succumbed". */
const ROLE_SUBJECT = new RegExp(String.raw`^(?:the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?<head>${ROLE})\s+(?:was|has|had|is|died|succumb?ed|later|also)\b`, 'i');

/**
 * Two single victims, each described by a common noun, the second by a role the first was not
 * given ("A shop employee has died ... The truck driver died later on in the hospital"; "The former
 * militant was killed on the spot, his son succumbed to his wounds"): two people, not one told twice.
 */
function anotherPerson(previous: Claim, claim: Claim): boolean {
  const single = (c: Claim) => c.low === 1 && (c.high ?? 1) === 1 && c.qualifier === 'exact';
  if (!single(previous) || !single(claim) || !DESCRIBED_ONE.test(previous.evidence.text)) return false;
  const head = ROLE_SUBJECT.exec(claim.evidence.text)?.groups?.head;
  return head !== undefined && !new RegExp(String.raw`\b${head}`, 'i').test(previous.evidence.text);
}

/**
 * A figure that names further victims ("a leader was shot dead. Three members of his family were
 * also killed"), or a second single victim named by another role, adds to the report's figure
 * before it, instead of standing as an alternative.
 */
function addUpOthers(claims: Claim[]): Claim[] {
  const out: Claim[] = [];
  for (const claim of [...claims].sort((a, b) => a.evidence.start - b.evidence.start)) {
    const previous = out.at(-1);
    // "The toll rose to eight as two more persons died": the toll already counts them.
    const tollCounts = previous?.evidence.rule === 'DeathTollRule' && previous.sentence.start === claim.sentence.start;
    // Two classes named apart ("a civilian ... two attackers were also killed") add up as classes anyway.
    const comparable = previous !== undefined && (previous.victims === claim.victims || previous.victims === 'all' || claim.victims === 'all');
    if (previous && comparable && previous.reportId === claim.reportId && !tollCounts && (namesFurtherVictims(claim) || anotherPerson(previous, claim)) && claim.evidence.start > previous.evidence.end) {
      out[out.length - 1] = {
        ...previous,
        low: previous.low! + claim.low!,
        high: (previous.high ?? previous.low!) + (claim.high ?? claim.low!),
        victims: previous.victims === claim.victims ? previous.victims : 'all',
        evidence: { ...previous.evidence, note: `${previous.evidence.note ? `${previous.evidence.note}; ` : ''}plus "${claim.evidence.text}"` },
      };
    } else out.push(claim);
  }
  return out;
}

/** Armed victims, whom news names by many words: "Three STC fighters were killed" ... "three soldiers were killed". */
const ARMED_CLASSES = new Set(['fighters', 'soldiers', 'police']);

/**
 * A figure a later sentence of the same report repeats under another name is one group told twice
 * ("Three Southern Transitional Council fighters were killed ... told Anadolu that 'three soldiers
 * were killed'"), not a second class to add: figures add up across sentences only with a word that
 * says so ("also", "another", "more").
 */
function withoutRestatements(claims: Claim[]): Claim[] {
  const kept: Claim[] = [];
  for (const claim of [...claims].sort((a, b) => a.evidence.start - b.evidence.start)) {
    const renamed = (earlier: Claim) =>
      earlier.victims !== claim.victims &&
      (ARMED_CLASSES.has(earlier.victims) && ARMED_CLASSES.has(claim.victims)) &&
      earlier.reportId === claim.reportId &&
      earlier.sentence.start !== claim.sentence.start &&
      earlier.low === claim.low &&
      (earlier.high ?? earlier.low) === (claim.high ?? claim.low);
    if (kept.some(renamed) && !namesFurtherVictims(claim)) continue;
    kept.push(claim);
  }
  return kept;
}

/**
 * "No casualties" in a report that counts deaths is about a part of it ("no loss of life on the
 * Indian side", "the TNLA suffered no casualties"): the deaths stand. A coder's "fatalities coded
 * as 0" is a toll, not this.
 */
function noneBesideDeaths(claims: Claim[]): Claim[] {
  return claims.filter((c) => c.low !== 0 || c.evidence.rule !== 'NoCasualtiesRule' || !claims.some((d) => d.reportId === c.reportId && d.low! > 0));
}

/**
 * One victim named in a report that also counts a group he may belong to ("Six militants were
 * killed ... Their commander, Malangi, was killed"; "killed the BLA militant ... Three militants
 * were killed"), or a part named with "including", is a member of the group, not a rival count:
 * it gives way to a larger group of the same class, or to a total of all victims, from the same source.
 */
function membersOfGroups(claims: Claim[]): Claim[] {
  // A list's groups ("5 women and 1 child") are counted apart, not mentioned as members; a part
  // ("including 3 commanders") is a subset of its group by its very words.
  const isMember = (c: Claim) =>
    (c.qualifier === 'exact' && c.low === 1 && (c.high ?? 1) === 1 && c.evidence.rule !== 'CoordinatedVictimsRule') || c.evidence.rule === 'IncludingVictimsRule' || isPartitive(c);
  return claims.filter(
    (member) =>
      !isMember(member) ||
      !claims.some(
        (group) =>
          group.reportId === member.reportId &&
          group.low! > member.low! &&
          (group.victims === member.victims || group.victims === 'all') &&
          // A part named as a part ("three of the bodies") belongs to the group whoever tells it.
          ((group.speaker === member.speaker && group.outlet === member.outlet) || isPartitive(member)),
      ),
  );
}

/** "Three of the bodies were found near the bridge", "the remaining two were shot": a part of victims counted before. */
function isPartitive(claim: Claim): boolean {
  return /^(?:\w+|\d+)\s+of\s+(?:the|those|them|these|whom)\b|^the\s+(?:remaining|other)\s+\w+\b/i.test(claim.evidence.text);
}

/**
 * "The death toll rose to 45" (or a coder's "fatalities coded as 0") replaces the earlier totals
 * of the same report; figures for victim groups stay only while they fit inside it.
 */
function latestTolls(claims: Claim[]): Claim[] {
  const byReport = groupBy(claims, (c) => c.reportId ?? '');
  return [...byReport.values()].flatMap((list) => {
    const tolls = list.filter((c) => c.evidence.rule === 'DeathTollRule' && c.victims === 'all');
    const latest = tolls.sort((a, b) => a.evidence.start - b.evidence.start).at(-1);
    if (!latest) return list;
    const groups = list.filter((c) => c.victims !== 'all');
    const fit = groups.reduce((sum, c) => sum + c.low!, 0) <= latest.low!;
    return [...(fit ? groups : []), latest];
  });
}

/**
 * The total: from claims about all victims when there are any (low = the smallest, high = the
 * largest; best = the most conservative, as ACLED codes, or under UCDP's convention the figure the
 * report leads with, its own best estimate); else the sum of the disjoint classes.
 */
function totalRange(claims: Claim[], convention: CodingConvention): { range: FatalityRange | null; rule: string } {
  if (claims.length === 0) return { range: null, rule: 'NoFigure' };
  const totals = claims.filter((c) => c.victims === 'all');
  const parts = sumOfClasses(claims);
  if (totals.length > 0) {
    // A breakdown larger than the smallest total means the total left people out.
    const low = Math.max(Math.min(...totals.map((c) => c.low!)), parts?.low ?? 0);
    const high = Math.max(...totals.map((c) => c.high ?? c.low!));
    const lead = [...totals].sort((a, b) => a.evidence.start - b.evidence.start)[0]!.low!;
    const best = convention === 'ucdp' ? Math.max(lead, low) : low;
    const rule = parts && parts.low > low ? 'SumOfClassesExceedsTotal' : convention === 'ucdp' ? 'LeadTotal' : 'ConservativeTotal';
    return { range: { low, best, high: Math.max(high, best) }, rule };
  }
  return parts ? { range: { low: parts.low, best: parts.low, high: parts.high }, rule: 'SumOfVictimClasses' } : { range: null, rule: 'NoFigure' };
}

/** The range of the claims that count in full, widened by those that count in the high estimate only. */
function withHighOnlyClaims(killed: Claim[], convention: CodingConvention): ReturnType<typeof totalRange> {
  const credited = killed.filter((c) => !countsInHighOnly(c, convention));
  if (credited.length === killed.length) return totalRange(killed, convention);
  const full = totalRange(credited, convention).range ?? { low: 0, best: 0, high: 0 };
  const high = Math.max(full.high ?? 0, totalRange(killed, convention).range?.high ?? 0);
  return { range: { ...full, high }, rule: 'EnemyLossesClaimedByRebelsInHighOnly' };
}

function sumOfClasses(claims: Claim[]): { low: number; high: number } | null {
  let low = 0;
  let high = 0;
  let any = false;
  for (const victims of DISJOINT_CLASSES) {
    let inClass = claims.filter((c) => c.victims === victims);
    if (victims === 'civilians' && inClass.length === 0) inClass = claims.filter((c) => CIVILIAN_SUBGROUPS.includes(c.victims));
    if (inClass.length === 0) continue;
    any = true;
    if (victims === 'civilians' && inClass.every((c) => CIVILIAN_SUBGROUPS.includes(c.victims))) {
      // Women and children are counted apart from each other; take each subgroup's smallest figure.
      for (const group of groupBy(inClass, (c) => c.victims).values()) {
        low += Math.min(...group.map((c) => c.low!));
        high += Math.max(...group.map((c) => c.high ?? c.low!));
      }
      continue;
    }
    low += Math.min(...inClass.map((c) => c.low!));
    high += Math.max(...inClass.map((c) => c.high ?? c.low!));
  }
  return any ? { low, high } : null;
}

/**
 * Civilians: low = the smallest civilian figure; high = the largest civilian figure, or the
 * total less the armed victims named when the rest of the dead are not identified (Airwars'
 * convention: unidentified dead may be civilians).
 */
function civilianRange(killed: Claim[], total: FatalityRange | null): { range: { low: number | null; high: number | null }; rule: string | null } {
  const civilian = killed.filter(isCivilian);
  if (civilian.length === 0) return { range: { low: null, high: null }, rule: null };
  const named = civilian.filter((c) => c.victims === 'civilians');
  const civilianLow = Math.min(...(named.length > 0 ? named : civilian).map((c) => c.low!));
  const largest = Math.max(...civilian.map((c) => c.high ?? c.low!));
  const armed = killed.filter((c) => DISJOINT_CLASSES.includes(c.victims) && c.victims !== 'civilians').reduce((sum, c) => sum + c.low!, 0);
  const unidentified = total ? (total.best ?? 0) - armed : 0;
  return unidentified > largest
    ? { range: { low: civilianLow, high: unidentified }, rule: 'UnidentifiedDeadMayBeCivilians' }
    : { range: { low: civilianLow, high: largest }, rule: 'CivilianClaims' };
}

/** One independent source's figures, for the combination and for flagging sources that disagree. */
export interface SourceFigures {
  label: string;
  figures: Figures;
}

/**
 * Figures over independent sources, in the manner of UCDP GED: each source's own figures first
 * (the rules above, within its reports), then low = the lowest source low (the lower independent
 * figure sets the low), high = the highest source high, best = the most conservative source best
 * (ACLED's rule) or, under UCDP's convention, the median source best. Civilian and injured
 * ranges span the sources that give them (Airwars' ranges). Sources without a figure do not count.
 */
export function reconcileSources(claims: Claim[], sources: Array<{ label: string; reportIds: string[] }>, convention: CodingConvention = 'acled'): { figures: Figures; bySource: SourceFigures[] } {
  const bySource = sources.map((source) => ({ label: source.label, figures: reconcileFigures(claims.filter((c) => source.reportIds.includes(c.reportId ?? '')), convention) }));
  if (bySource.length <= 1) return { figures: bySource[0]?.figures ?? reconcileFigures(claims, convention), bySource };
  const counted = bySource.filter((s) => s.figures.rules.fatalities !== 'NoFigureMeansZero').map((s) => s.figures);
  const spanning = (pick: (f: Figures) => { low: number | null; high: number | null }) => {
    const given = bySource.map((s) => pick(s.figures)).filter((r) => r.low !== null);
    return given.length === 0 ? { low: null, high: null } : { low: Math.min(...given.map((r) => r.low!)), high: Math.max(...given.map((r) => r.high ?? r.low!)) };
  };
  if (counted.length === 0) return { figures: bySource[0]!.figures, bySource };
  const bests = counted.map((f) => f.fatalities.best!).sort((a, b) => a - b);
  const fatalities = {
    low: Math.min(...counted.map((f) => f.fatalities.low!)),
    best: convention === 'ucdp' ? bests[Math.floor((bests.length - 1) / 2)]! : bests[0]!,
    high: Math.max(...counted.map((f) => f.fatalities.high ?? f.fatalities.best!)),
  };
  const civilianRule = bySource.map((s) => s.figures.rules.civilians).find((r) => r !== null) ?? null;
  const injuredRule = bySource.map((s) => s.figures.rules.injured).find((r) => r !== null) ?? null;
  return {
    figures: {
      fatalities,
      civilianFatalities: spanning((f) => f.civilianFatalities),
      injured: spanning((f) => f.injured),
      rules: {
        fatalities: counted.length > 1 ? 'IndependentSources' : counted[0]!.rules.fatalities,
        civilians: civilianRule && 'IndependentSources',
        injured: injuredRule && 'IndependentSources',
      },
    },
    bySource,
  };
}
