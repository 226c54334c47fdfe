// Attribution and grade: which sources allege, confirm or deny each belligerent's part, how sure
// the incident is (in the spirit of Airwars' grades) and why, and the conflicts a reader must see.
import type { Attribution, Claim, Flag, Grade, Incident } from '../types.js';
import type { SourceFigures } from './figures.js';
import { sameVoice, type Source } from './sources.js';

export interface Assessment {
  grade: Grade;
  reason: string;
  attribution: Attribution[];
  flags: Flag[];
}

/** Words that name a state's own forces, whichever state: "the government", "the regime", "the army". */
const STATE_FORCES = /^(?:government|regime|army|military|armed forces|air force|state forces|security forces|troops|government forces|regime forces|syrian government|warplanes)$/;
/** Words too common in actor names to tell two apart. */
const GENERIC_WORDS = new Set(['the', 'of', 'and', 'forces', 'force', 'military', 'group', 'armed', 'unidentified', 'militia', 'a', 'an', 'its', 'led']);
/** Evidence of an actor a report named as perpetrator: ACLED's default actor is no one's allegation. */
export const DEFAULT_ACTOR_RULE = 'DefaultActorRule';

/**
 * Grades an incident: confirmed (the belligerent itself says it acted), contested (sources
 * attribute it to different belligerents), fair (two or more independent sources), weak (one).
 * Discounted is a person's call (`vigil set ID grade discounted`). Denials are kept and flagged.
 */
export function assess(incident: Incident, sources: Source[], bySource: SourceFigures[]): Assessment {
  const sourceOf = (reportId: string | undefined) => sources.find((s) => s.reportIds.includes(reportId ?? ''))?.label ?? 'unknown source';
  const attribution = attributionsOf(incident, sourceOf);
  const flags: Flag[] = [];
  const named = bySource.filter((s) => s.figures.rules.fatalities !== 'NoFigureMeansZero');
  if (new Set(named.map((s) => `${s.figures.fatalities.low}-${s.figures.fatalities.high}`)).size > 1) {
    flags.push({ kind: 'conflicting-figures', detail: `fatalities: ${named.map((s) => `${range(s.figures.fatalities)} (${s.label})`).join(', ')}` });
  }
  const acting = attribution.filter((a) => a.allege.length + a.confirm.length > 0);
  if (acting.length > 1) flags.push({ kind: 'conflicting-attribution', detail: acting.map((a) => `${a.actor} (${[...a.confirm, ...a.allege].join(', ')})`).join(' vs ') });
  for (const a of attribution) if (a.deny.length > 0) flags.push({ kind: 'denied', detail: `${a.actor} denied by ${a.deny.join(', ')}` });

  const denials = attribution.filter((a) => a.deny.length > 0).map((a) => `; ${a.actor} denied by ${a.deny.join(', ')}`).join('');
  const confirmed = attribution.find((a) => a.confirm.length > 0);
  const labels = sources.map((s) => s.label).join('; ');
  if (acting.length > 1) return { grade: 'contested', reason: `competing attributions: ${flags.find((f) => f.kind === 'conflicting-attribution')!.detail}${denials}`, attribution, flags };
  if (confirmed) return { grade: 'confirmed', reason: `${confirmed.actor} confirmed by ${confirmed.confirm.join(', ')}${denials}`, attribution, flags };
  if (sources.length >= 2) return { grade: 'fair', reason: `${sources.length} independent sources: ${labels}${denials}`, attribution, flags };
  return { grade: 'weak', reason: `a single source: ${labels || 'unknown'}${denials}`, attribution, flags };
}

/** Per belligerent, who alleges, confirms or denies its part: the reports that name it as perpetrator, and every involvement claim. */
function attributionsOf(incident: Incident, sourceOf: (reportId: string | undefined) => string): Attribution[] {
  const list: Attribution[] = [];
  const entry = (actor: string) => {
    const found = list.find((a) => sameBelligerent(a.actor, actor));
    if (found) return found;
    const fresh: Attribution = { actor, allege: [], confirm: [], deny: [] };
    list.push(fresh);
    return fresh;
  };
  const add = (names: string[], who: string) => {
    if (!names.includes(who)) names.push(who);
  };
  if (incident.actor1) {
    for (const e of incident.evidence.actor1 ?? []) if (e.rule !== DEFAULT_ACTOR_RULE) add(entry(incident.actor1).allege, sourceOf(e.reportId));
  }
  for (const e of incident.evidence.actor1_alternative ?? []) if (e.note) add(entry(e.note).allege, sourceOf(e.reportId));
  for (const claim of incident.claims.filter((c): c is Claim & { actor: string } => c.measure === 'involvement' && c.actor !== null)) {
    const who = claim.speaker ?? claim.outlet ?? sourceOf(claim.reportId);
    const target = entry(claim.actor);
    if (claim.stance === 'denies') add(target.deny, who);
    else if (claim.speaker && (sameVoice(claim.speaker, claim.actor) || sameBelligerent(claim.speaker, claim.actor))) add(target.confirm, who);
    else add(target.allege, who);
  }
  // A belligerent only denied is no one's allegation, but stays listed with its denial.
  return list;
}

/** Two names of one belligerent: "the government" and "Military Forces of Syria", "a coalition spokesman" and "the coalition". */
export function sameBelligerent(a: string, b: string): boolean {
  const [x, y] = [bare(a), bare(b)];
  if (x === y) return true;
  // "the government" is the state forces of the incident's country; two states' forces are two belligerents.
  const stateOf = (name: string) => /^(?:military|police) forces of (.+)$/.exec(name)?.[1];
  if ((STATE_FORCES.test(x) && (STATE_FORCES.test(y) || stateOf(y))) || (STATE_FORCES.test(y) && stateOf(x))) return true;
  if (stateOf(x) && stateOf(y)) return stateOf(x) === stateOf(y);
  const words = (name: string) => new Set(name.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !GENERIC_WORDS.has(w)));
  const wx = words(x);
  return [...words(y)].some((w) => wx.has(w));
}

function bare(name: string): string {
  return name.toLowerCase().replace(/^(?:the|a|an)\s+/, '').replace(/\s*\([^)]*\)/g, '').trim();
}

function range(r: { low: number | null; high: number | null }): string {
  return r.low === r.high || r.high === null ? String(r.low) : `${r.low}-${r.high}`;
}
