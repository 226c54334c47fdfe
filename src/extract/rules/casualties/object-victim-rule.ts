import { NUMBER } from '../../numbers.js';
import type { ExtractLexicons } from '../../lexicons.js';
import { VICTIM } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';
import { countVictims } from './subject-count-rule.js';

const victimNoun = new RegExp(String.raw`\b(?:${VICTIM})\b`, 'gi');
const isVictimNoun = new RegExp(String.raw`^(?:${VICTIM})$`, 'i');
const startsWithVictimNoun = new RegExp(String.raw`^(?:${VICTIM})\b`, 'i');
/** Adjectives of rank before a victim noun or a name: "top", "senior". */
const RANK_ADJECTIVE = /^(?:top|senior|former|prominent|key|notorious|wanted|high-ranking|leading|deputy|chief)\s+/i;
/** Where the object of the verb ends: a preposition, a conjunction or punctuation. */
const OBJECT_END = String.raw`(?=\s+(?:in|at|on|near|outside|inside|after|before|over|for|while|as|with|by|during|and|when|from|who|whom)\b|\s*[.;:(]|$)`;
const object = (name: string, length = 80) => String.raw`(?<${name}>(?:an?|the|his|her|their|its|one|another|two|three|four|five|six|seven|eight|nine|ten|\d+|[A-Z][\w'’.-]*)\b[^.;:]{0,${length}}?)`;

/**
 * Victims named as the object of a killing verb: "shot a policeman dead", "stabbed to death a police
 * colonel", "slew a ward-level leader", "left his wife dead", "killing both", "killing his son", "killed Dinesh
 * Sahu, 30, a commander". The object is counted
 * like a subject: a figure, or one for a singular noun phrase or a name.
 */
export class ObjectVictimRule extends CasualtyRule {
  readonly name = 'ObjectVictimRule';
  /**
   * `lists` reads only lists of victims after "killed" ("killed one soldier and one civilian"),
   * which must win over the rules that read the first figure alone; `any` reads the other forms.
   */
  constructor(
    lexicons: ExtractLexicons,
    private readonly objects: 'lists' | 'any',
  ) {
    super(lexicons);
  }

  protected pattern(): string {
    if (this.objects === 'lists') {
      // The list ends at a preposition, punctuation, or an "and" that starts another clause ("and injured several").
      // "along with" joins the list; a bracket right before "and" ("of the NSCN (K) and two civilians") is an aside inside it.
      const listEnd = String.raw`(?=\s+(?:in|at|on|near|outside|inside|after|before|over|for|while|as|(?<!(?:along|together)\s+)with|by|during|when|from|who)\b|\s+and\s+(?!(?:an?|the|his|her|their|its|one|another|two|three|four|five|six|seven|eight|nine|ten|\d+)\b)|\s*[.;:]|\s*\((?![^)]*\)\s*,?\s+and\b)|$)`;
      return String.raw`\b(?:killed|killing|kills|kill|shot dead|gunned down)\s+${object('list', 120)}${listEnd}`;
    }
    const shotDead = String.raw`\b(?:shot|shoot|shoots|gunned|beat|beaten|stabbed|hacked|clubbed|stoned|chopped|bludgeoned|burnt|burned)\s+(?!(?:at|him|her|them|it|himself|themselves)\b)${object('shot')}\s+(?:dead|to\s+death)\b`;
    // "kill PF member", "killed soldier Rashid Khan": a bare victim noun, perhaps with a name.
    // "killed top Chechen general Magomed Tushayev": a rank's adjectives and a nationality before it.
    const bareVictim = String.raw`\b(?:kill|kills|killed|killing)\s+(?<bare>(?:(?:top|senior|former|prominent|key|notorious|wanted|high-ranking|leading|deputy|chief)\s+)?(?:[A-Z][\w-]*\s+)?(?:${VICTIM})(?:\s+[A-Z][\w'’.-]*){0,3})(?:${OBJECT_END}|(?=,))`;
    // A suicide bomber's own death counts.
    const self = String.raw`\b(?<self>blew\s+himself\s+up|blew\s+herself\s+up|killing\s+himself|killing\s+herself)\b`;
    const toDeath = String.raw`\b(?:(?:stabbed|tortured|beat|beaten|hacked|axed|burnt|burned|bludgeoned|clubbed|chopped|stoned|shot)\s+to\s+death|(?:burnt|burned)\s+alive|shooting\s+dead)\s+${object('toDeath')}${OBJECT_END}`;
    // "killing his son", "killed their two guards": an object with a possessive is counted like a subject.
    const possessive = String.raw`\b(?:killed|killing|kills|kill|shot dead|gunned down)\s+(?<possessive>(?:his|her|their)\s+[^.;:]{0,60}?)${OBJECT_END}`;
    // "police killed Dinesh Sahu, 30, a commander", "shot dead Adalat Khan, a former nazim": a name is one person.
    const named = String.raw`\b(?:killed|killing|shot dead|gunned down|assassinated|murdered)\s+(?<named>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})(?=\s*[,(.;]|\s*$|\s+(?:on|in|at|near|outside|inside|after|while|when|during|and)\b)`;
    const murdered = String.raw`\b(?:slew|murdered|murdering)\s+${object('murdered')}${OBJECT_END}`;
    // "left the militant group and killed all 6": an "and" ends what was left.
    const leftDead = String.raw`\b(?:leaving|left)\s+(?<left>(?:an?|the|his|her|their)\s+(?:(?!and\b)[\w'’-]+\s+){0,3}?|(?!and\b)[a-z][\w'’-]*\s+(?:(?!and\b)[a-z][\w'’-]*\s+)?)(?:dead|killed)\b`;
    const both = String.raw`\b(?:killing|killed|kills|kill)\s+(?<both>both(?:\s+of\s+them)?|all\s+(?<all>${NUMBER}))\b`;
    return [shotDead, toDeath, murdered, leftDead, both, bareVictim, possessive, named, self].join('|');
  }

  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    const g = match.groups ?? {};
    const object = g.list ?? g.shot ?? g.toDeath ?? g.murdered ?? g.left ?? g.bare ?? g.possessive ?? '';
    // "a Pakistani man they accused of theft": the object ends where a clause about it begins.
    const phrase = object.replace(/\s+(?:they|he|she|we|who|whom|whose|which|that)\b.*$/i, '').replace(/[,\s]+$/, '');
    if (g.named !== undefined) return this.namedVictim(match, sentence);
    // "leaving truck driver dead": a bare singular noun is one person.
    const bareSingular = g.left !== undefined && /^[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?$/.test(phrase) && !/[^s]s$|\b(?:people|men|women|children)$|^(?:several|many|some|numerous|dozens|scores|hundreds|few|more|most|all|both|other|others)\b/.test(phrase);
    // A bare victim noun counts one unless it is a plural ("killed PF members").
    const bareOne = g.bare !== undefined && !/[^s]s\b|\b(?:people|men|women|children)\b/.test(g.bare.split(/\s+[A-Z]/)[0] as string);
    const figure = g.self ? '1' : g.list !== undefined ? countVictims(phrase, true) : g.both ? (g.all ?? '2') : bareOne ? '1' : (countVictims(phrase) ?? (bareSingular ? '1' : null));
    if (!figure) return null;
    // The pattern is case-blind: a word before the victim noun must be a name or an acronym ("PF member"), not "when gunmen".
    if (g.bare !== undefined && !startsWithVictimNoun.test(g.bare.replace(RANK_ADJECTIVE, '')) && !/^\p{Lu}/u.test(g.bare.replace(RANK_ADJECTIVE, ''))) return null;
    if (g.bare !== undefined) {
      // The pattern is case-blind: keep only the capitalised words of a name after the noun ("soldier Rashid Khan", not "in Chogwe").
      const words = g.bare.split(/\s+/);
      const nounAt = words.findIndex((w) => isVictimNoun.test(w));
      const kept = words.slice(0, nounAt + 1).concat(words.slice(nounAt + 1).filter((w, k, rest) => rest.slice(0, k + 1).every((x) => /^\p{Lu}/u.test(x))));
      const [start] = match.indices.groups?.bare ?? [match.index];
      match.indices[0] = [match.index, (start as number) + kept.join(' ').length];
      match[0] = sentence.text.slice(match.index, (start as number) + kept.join(' ').length);
    }
    // The bomber is a fighter: counted apart from the people the bomb killed.
    const victim = g.self ? 'fighters' : g.list !== undefined ? '' : ([...object.matchAll(victimNoun)].at(-1)?.[0] ?? '');
    return super.build(Object.assign(match, { groups: { num: figure, verb: 'killed', victim, phrase: object } }), sentence);
  }

  /** A name as the object: every word capitalised, and no armed group's or victim noun's name ("killed Boko Haram fighters" is not a name). */
  private namedVictim(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    const name = match.groups!.named!;
    const words = name.split(/\s+/);
    if (!words.every((w) => /^\p{Lu}/u.test(w)) || words.some((w) => isVictimNoun.test(w)) || this.lexicons.armedGroupNamed(name)) return null;
    return super.build(Object.assign(match, { groups: { num: '1', verb: 'killed', victim: '', phrase: name } }), sentence);
  }
}
