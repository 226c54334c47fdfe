// Independent sources of an incident. An outlet is a report; a wire copy or reprint of another
// report (the same sentences) is the same outlet; an outlet whose every claim comes from voices
// another outlet already quotes only relays them, so it is that source too. A later figure from
// the same named voice ("the toll rose to 17") supersedes its earlier one.
import type { Claim } from '../types.js';

/** Share of the smaller report's claim sentences that must recur in the other for it to be a copy (wire copies, reprints). */
const COPY_SHARE = 0.6;
/** Words that mark a rising toll: the later figure of the same voice replaces its earlier one. */
const TOLL_UPDATE = /\b(?:rose|risen|rising|climbed|increased|reached|jumped|mounted|has grown|grew)\b/i;

export interface Source {
  /** A readable name: the first named voice, or the outlet, or the report. */
  label: string;
  reportIds: string[];
}

/** Groups an incident's reports into independent sources. */
export function independentSources(claims: Claim[], reportIds: string[]): Source[] {
  const parent = new Map(reportIds.map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  const join = (a: string, b: string) => parent.set(find(a), find(b));
  const byReport = new Map(reportIds.map((id) => [id, claims.filter((c) => c.reportId === id)]));
  const sentences = new Map([...byReport].map(([id, list]) => [id, new Set(list.map((c) => normalised(c.sentence.text)))]));
  for (const [i, a] of reportIds.entries()) {
    for (const b of reportIds.slice(i + 1)) if (copies(sentences.get(a)!, sentences.get(b)!)) join(a, b);
  }
  // Relays: an outlet that adds no voice of its own is the source whose voices it repeats.
  const voicesOf = (root: string) => reportIds.filter((id) => find(id) === root).flatMap((id) => byReport.get(id)!.map(voiceOf));
  for (const root of new Set(reportIds.map(find))) {
    const voices = voicesOf(root);
    if (voices.length === 0 || voices.some((v) => v === null)) continue;
    const other = [...new Set(reportIds.map(find))].find((r) => r !== find(root) && voices.every((v) => voicesOf(r).some((w) => w !== null && sameVoice(v!, w))));
    if (other) join(root, other);
  }
  const groups = new Map<string, string[]>();
  for (const id of reportIds) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  return [...groups.values()].map((ids) => ({ label: labelOf(ids.flatMap((id) => byReport.get(id)!), ids[0]!), reportIds: ids }));
}

/**
 * Claims without those a later report's figure from the same named voice replaces: a rising toll
 * ("the toll rose to 17", "has climbed to") supersedes the voice's earlier figures of the same
 * measure and victims. Later is by the reports' publication times; where those cannot tell (a
 * report without one, or two of one day), by the order the reports arrived in, which is the
 * claims' order.
 */
export function withoutSuperseded(claims: Claim[]): Claim[] {
  const superseded = new Set<Claim>();
  for (const [i, update] of claims.entries()) {
    const voice = voiceOf(update);
    if (!voice || update.low === null || (!TOLL_UPDATE.test(update.sentence.text) && update.evidence.rule !== 'DeathTollRule')) continue;
    for (const [j, earlier] of claims.entries()) {
      if (earlier.reportId === update.reportId || !toldBefore(earlier, j, update, i)) continue;
      const earlierVoice = voiceOf(earlier);
      if (earlierVoice && sameVoice(earlierVoice, voice) && earlier.measure === update.measure && earlier.victims === update.victims && earlier.low !== null) superseded.add(earlier);
    }
  }
  return claims.filter((c) => !superseded.has(c));
}

/** Whether claim `a` (the `i`th to arrive) was told before claim `b` (the `j`th). */
function toldBefore(a: Claim, i: number, b: Claim, j: number): boolean {
  const order = a.published && b.published ? publicationOrder(a.published, b.published) : 0;
  return order !== 0 ? order < 0 : i < j;
}

/** Below, at or above zero as `a` was published before, with or after `b`: by time when both have one, else by day. */
function publicationOrder(a: string, b: string): number {
  const [timeA, timeB] = [Date.parse(a), Date.parse(b)];
  if (a.length > 10 && b.length > 10 && !Number.isNaN(timeA) && !Number.isNaN(timeB)) return timeA - timeB;
  return a.slice(0, 10).localeCompare(b.slice(0, 10));
}

/** Who a claim is from, when it names someone that can be told apart: a named body or person, not "a medic". */
export function voiceOf(claim: Claim): string | null {
  const who = claim.speaker ?? claim.outlet;
  if (!who || /^(?:an?|one|some|several|other|local|two|three)\b/i.test(who.trim())) return null;
  return who;
}

/** Two names of one voice: "the Syrian Observatory for Human Rights (SOHR)", "SOHR", "the Syrian Observatory for Human Rights". */
export function sameVoice(a: string, b: string): boolean {
  const namesA = aliases(a);
  return aliases(b).some((name) => namesA.includes(name));
}

function aliases(name: string): string[] {
  const bare = name.replace(/^(?:the)\s+/i, '').trim();
  const inParentheses = /\(([^)]+)\)/.exec(bare)?.[1];
  const full = bare.replace(/\s*\([^)]*\)/g, '').trim();
  const initials = full.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
  return [full, inParentheses, initials.length >= 3 ? initials : undefined].filter((n): n is string => !!n).map((n) => n.toLowerCase());
}

function copies(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return false;
  let shared = 0;
  for (const sentence of small) if (large.has(sentence)) shared++;
  return shared / small.size >= COPY_SHARE;
}

function normalised(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function labelOf(claims: Claim[], reportId: string): string {
  const named = claims.map(voiceOf).find((v) => v !== null);
  const anyone = claims.map((c) => [c.speaker, c.outlet && `via ${c.outlet}`].filter(Boolean).join(' ')).find((s) => s !== '');
  return named ?? anyone ?? `report ${reportId.slice(0, 12)}`;
}
