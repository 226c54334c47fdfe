import { NUMBER } from '../../numbers.js';
import { VICTIM } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';
import { countVictims } from './subject-count-rule.js';

const victimNoun = new RegExp(String.raw`\b(?:${VICTIM})\b`, 'gi');
/** Where the object of the verb ends: a preposition, a conjunction or punctuation. */
const OBJECT_END = String.raw`(?=\s+(?:in|at|on|near|outside|inside|after|before|over|for|while|as|with|by|during|and|when|from|who|whom)\b|\s*[.;:(]|$)`;
const object = (name: string) => String.raw`(?<${name}>(?:an?|the|his|her|their|its|one|another|two|three|four|five|six|seven|eight|nine|ten|\d+|[A-Z][\w'’.-]*)\b[^.;:]{0,80}?)`;

/**
 * Victims named as the object of a killing verb: "shot a policeman dead", "stabbed to death a police
 * colonel", "slew a ward-level leader", "left his wife dead", "killing both". The object is counted
 * like a subject: a figure, or one for a singular noun phrase or a name.
 */
export class ObjectVictimRule extends CasualtyRule {
  readonly name = 'ObjectVictimRule';
  /**
   * `lists` reads only lists of victims after "killed" ("killed one soldier and one civilian"),
   * which must win over the rules that read the first figure alone; `any` reads the other forms.
   */
  constructor(private readonly objects: 'lists' | 'any') {
    super();
  }

  protected pattern(): string {
    if (this.objects === 'lists') {
      // The list ends at a preposition, punctuation, or an "and" that starts another clause ("and injured several").
      const listEnd = String.raw`(?=\s+(?:in|at|on|near|outside|inside|after|before|over|for|while|as|with|by|during|when|from|who)\b|\s+and\s+(?!(?:an?|the|his|her|their|its|one|another|two|three|four|five|six|seven|eight|nine|ten|\d+)\b)|\s*[.;:(]|$)`;
      return String.raw`\b(?:killed|killing|kills|kill|shot dead|gunned down)\s+${object('list')}${listEnd}`;
    }
    const shotDead = String.raw`\b(?:shot|gunned)\s+(?!(?:at|him|her|them|it|himself|themselves)\b)${object('shot')}\s+dead\b`;
    const toDeath = String.raw`\b(?:stabbed|tortured|beat|beaten|hacked|axed|burnt|burned|bludgeoned|chopped|stoned)\s+to\s+death\s+${object('toDeath')}${OBJECT_END}`;
    const murdered = String.raw`\b(?:slew|murdered|murdering)\s+${object('murdered')}${OBJECT_END}`;
    const leftDead = String.raw`\b(?:leaving|left)\s+(?<left>(?:an?|the|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?|[a-z][\w'’-]*\s+(?:[a-z][\w'’-]*\s+)?)(?:dead|killed)\b`;
    const both = String.raw`\b(?:killing|killed|kills|kill)\s+(?<both>both(?:\s+of\s+them)?|all\s+(?<all>${NUMBER}))\b`;
    return [shotDead, toDeath, murdered, leftDead, both].join('|');
  }

  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    const g = match.groups ?? {};
    const object = g.list ?? g.shot ?? g.toDeath ?? g.murdered ?? g.left ?? '';
    const phrase = object.replace(/[,\s]+$/, '');
    // "leaving truck driver dead": a bare singular noun is one person.
    const bareSingular = g.left !== undefined && /^[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?$/.test(phrase) && !/[^s]s$|\b(?:people|men|women|children)$|^(?:several|many|some|numerous|dozens|scores|hundreds|few|more|most|all|both|other|others)\b/.test(phrase);
    const figure = g.list !== undefined ? countVictims(phrase, true) : g.both ? (g.all ?? '2') : (countVictims(phrase) ?? (bareSingular ? '1' : null));
    if (!figure) return null;
    const victim = g.list !== undefined ? '' : ([...object.matchAll(victimNoun)].at(-1)?.[0] ?? '');
    return super.build(Object.assign(match, { groups: { num: figure, verb: 'killed', victim, phrase: object } }), sentence);
  }
}
