import { readFileSync } from 'node:fs';
import { lexiconRows, parseLexicon } from '../lexicon.js';
import type { Sentence } from '../sentences.js';
import type { ActorFinding } from '../types.js';
import { wordClass } from '../word-classes.js';

interface ActorEntry {
  name: string;
  kind: string;
  /** Set for acronyms ("IS", "SDF"), which only count in capitals. */
  exact: string | null;
}

/** Weapons and units that belong to the actor named before them: "Syrian Government airstrikes", "regime warplanes". */
const OWN_WEAPON = String.raw`(?:'s\s+|’s\s+)?${wordClass('own weapon')}\b`;
const ATTACK_VERB = String.raw`(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:night|morning|evening|afternoon))?\s+)?(?:(?:group|movement|faction|have|has|had|reportedly|allegedly|also|then|later|yet|again|once|early|late)\s+)*(?:claimed responsibility|claim(?:ed|s)? (?:full |their |its )?(?:responsibility|hand)|claimed (?:the |an |this |that )?(?:\w+ ){0,2}?(?:attacks?|bombings?|blasts?|killings?|assaults?|firing|shootings?|explosions?|ambush)|carr(?:y|ies|ied) out|arrest|tortured|(?:has|have) claimed|claimed to|violated|blew up|blow up|blasted|exploded|dropped|tossed|set|destroyed|detonate|kills?|shoots?|guns? down|pounded|exchanged fire|routed|shells|abducts|kidnaps|raids|storms|ambushes|attacks|resorted to|carried out|launched|attacked|attack|killed|shot|fired|opened\s+(?:['‘’\w]+\s+){0,2}?fir(?:e|ing)|shelled|bombed|stormed|ambushed|targeted|struck|hit|raided|clashed|abducted|kidnapped|executed|seized|captured|detonated|set off|planted|torched|looted|arrested|beat|dispersed|pounded|bombarded|fought|overran|took control|used|conducted|conducting|retaliated|targeting|gunned down|shot dead|engaged|besieged|surrounded|encircled|cordoned off|eliminated|neutrali[sz]ed|fired upon|fired at|lobbed|hurled|threw|set fire|torched|burnt|burned|vandali[sz]ed|lynched|hacked|stabbed|murdered|assassinated|beheaded|slaughtered)\b`;
/** "KIA and Myanmar troops clashed": the first of two sides that fought is named first. */
const FIRST_OF_TWO_SIDES = String.raw`and\s+(?:the\s+)?(?:[\w'’()-]+\s+){1,4}?(?:clashed|fought|exchanged fire|traded fire|engaged)\b`;
/** "the BNP militia was responsible", "Al Shabaab suspected", "LeT was behind the attack": the text names who did it. */
const BLAMED = String.raw`(?:(?:is|are|was|were|has been|have been)\s+(?:\w+ly\s+)?(?:(?:held|suspected|believed|thought|said|alleged)\s+)?(?:to\s+(?:be|have been)\s+)?(?:responsible|behind)\b|(?:are|is|was|were)\s+(?:the\s+)?suspected\s+(?:perpetrators?|culprits?)\b|suspected\s*(?:[.;]|$))`;
const perpetratorAfter = new RegExp(String.raw`^\s*(?:\([^)]{1,12}\)\s*)?(?:(?:and\s+)?${OWN_WEAPON}|${ATTACK_VERB}|${FIRST_OF_TWO_SIDES}|${BLAMED})`, 'i');
/** "Two TTP militants were killed", "an army jawan was injured": the actor named is the one harmed. */
const victimAfter = /^\s*(?:\([^)]{1,12}\)\s*)?(?:(?:militants?|fighters?|members?|men|cadres?|activists?|supporters?|workers?|leaders?|commanders?|soldiers?|troops|personnel|police(?:m[ae]n)?|officers?|officials?|jawans?|constables?|volunteers?|guards?|rebels?|insurgents?)\s+)?(?:(?:,[^,]{1,60},\s*)?(?:who\s+)?(?:was|were|has been|have been|had been|got)\s+(?:\w+ly\s+|also\s+|later\s+|then\s+){0,2}(?:killed|injured|wounded|hurt|shot|gunned down|hacked|stabbed|beaten|attacked|ambushed|targeted|abducted|kidnapped|arrested|detained|captured|lynched|murdered|executed|beheaded|slain)\b|(?:killed|injured|wounded|dead)(?=\s*(?:[,.;]|$|(?:and(?!\s+(?:injured|wounded|hurt|maimed|abducted|kidnapped))|in|during|due|as(?!\s+many)|when|after|by|on|near|while|at(?!\s+least))\b)))/i;
/** "by the", "by suspected", "by assailants of", "by activists belonging to", and "Cadres of" opening the sentence: the actor named next did it. */
const perpetratorBefore = /(?:^\s*(?:(?:suspected|alleged|armed)\s+)?(?:cadres|members|militants|fighters|activists|supporters|men|soldiers|troops) of\s+(?:the\s+)?$)|\b(?:by|from|between|operations? (?:of|by))\s+(?:the\s+|an?\s+)?(?:(?:group|gang|band|team|mob|number)\s+of\s+)?(?:(?:suspected|alleged|presumed|unidentified|armed|some|local|ruling|rival)\s+)*(?:(?:assailants|attackers|activists|supporters|men|members|cadres|militants|fighters|workers|leaders|gunmen)\s+(?:of|from|belonging to|loyal to|affiliated (?:to|with))\s+(?:the\s+)?)?$/i;
/** "a blockade enforced by the BNP", "a strike called by X": the actor after "by" ran something other than the violence. */
const organiserBefore = /\b(?:enforced|called|imposed|organi[sz]ed|declared|announced|sponsored|backed|led|supported|owned|run|chaired|convened)\s+by\s+(?:the\s+)?$/i;
/** The second party of "between X and Y". */
const secondPartyBefore = /\bbetween\b[^.;]{1,80}\band\s+(?:the\s+)?$/i;
/** A place named between an actor and its verb ("Iraqi forces in Ghaydah in Kirkuk province killed"): capitalised names only, so no 'i' flag. */
const PLACE_AFTER = /^,?\s+(?:in|near|at|from)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|province|district|city|town|area|region|governorate|county|state|township|valley|sector))*(?=\s)/;
const targetBefore = /\b(?:on|against|targeting|targeted|attacked|attacking|ambushed|ambushing|at|positions of|clashed with|clashes with|fighting)\s+(?:the\s+)?$/i;
/** "killed two members of the TTP": the group's men were harmed, unless they act next ("as members of the BNP militia hurled a bomb"). */
const membersOfBefore = /\b(?:members|fighters|militants|cadres|commander|leader) of\s+(?:the\s+)?$/i;
const targetAfter = /^\s*(?:\([^)]{1,12}\)\s*)?-?\s*(?:held|controlled|positions?|bases?|checkpoints?|convoys?|posts?|hideouts?|camps?)\b/i;

export class ActorLexicon {
  private readonly byVariant = new Map<string, ActorEntry>();

  constructor(rows: string[][]) {
    for (const [name, kind, ...variants] of rows) {
      for (const variant of variants) {
        const acronym = /^[A-Z]{2,5}$/.test(variant);
        this.byVariant.set(variant.toLowerCase(), { name: name!, kind: kind!, exact: acronym ? variant : null });
      }
    }
  }

  static fromFiles(extraFiles: string[] = []): ActorLexicon {
    const rows = [...nationalForces(), ...lexiconRows('actors.txt'), ...extraFiles.flatMap((file) => parseLexicon(readFileSync(file, 'utf8')))];
    return new ActorLexicon(rows);
  }

  /** First words of every name, lower case: a run of words starting with anything else is not looked up. */
  get firstWords(): Set<string> {
    return (this.firstWordsCache ??= new Set([...this.byVariant.keys()].map((v) => v.split(' ')[0]!)));
  }
  private firstWordsCache: Set<string> | undefined;

  /** Words in the longest name: how long a run of words is worth looking up. */
  get longest(): number {
    return (this.longestCache ??= Math.max(1, ...[...this.byVariant.keys()].map((v) => v.split(' ').length)));
  }
  private longestCache: number | undefined;

  lookup(text: string): ActorEntry | undefined {
    return this.byVariant.get(text.toLowerCase().replace(/\s+/g, ' '));
  }

  /** Whether a phrase names an armed group (not a state's forces): "two MNDAA soldiers", "TTP men". */
  namesArmedGroup(phrase: string): boolean {
    const words = phrase.split(/[^\w'’-]+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      for (let n = 1; n <= 3 && i + n <= words.length; n++) {
        const run = words.slice(i, i + n).join(' ');
        const entry = this.lookup(run);
        if (entry?.kind === 'armed_group' && (!entry.exact || run === entry.exact)) return true;
      }
    }
    return false;
  }
}

/** Words for a state's armed forces and police after a country name or demonym ("Afghan troops", "Pakistan Army"). */
const MILITARY_WORDS = ['army', 'troops', 'forces', 'military', 'soldiers', 'security forces', 'government forces', 'armed forces', 'air force', 'air forces', 'airforce', 'warplanes', 'jets', 'navy', 'military forces', 'defence forces', 'defense forces', 'government troops', 'border guards', 'Rangers'];
const POLICE_WORDS = ['police', 'policemen', 'police forces', 'police officers'];

/**
 * "Military Forces of X" and "Police Forces of X" for every country in data/geocode/countries.tsv,
 * named by its name or demonyms; rows in actors.txt come later and win where they overlap.
 */
function nationalForces(): string[][] {
  const rows: string[][] = [];
  const text = readFileSync(new URL('../../../data/geocode/countries.tsv', import.meta.url), 'utf8');
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [, name, others = '', demonyms = ''] = line.split('\t');
    if (!name) continue;
    const names = [name, ...others.split('|'), ...demonyms.split('|')].map((n) => n.trim()).filter(Boolean);
    rows.push([`Military Forces of ${name}`, 'state', ...names.flatMap((n) => MILITARY_WORDS.map((w) => `${n} ${w}`)), `military forces of ${name}`, `${name}'s army`]);
    rows.push([`Police Forces of ${name}`, 'state', ...names.flatMap((n) => POLICE_WORDS.map((w) => `${n} ${w}`)), `police forces of ${name}`]);
  }
  return rows;
}

/** A word of an actor name: letters, digits, apostrophes, hyphens, brackets, inner full stops ("U.S."). */
const WORD = /[\w'’()-]+(?:\.[\w'’()-]+)*\.?/g;

/**
 * Actor names from data/lexicons/actors.txt (and the national forces made from the country
 * list), found by looking up runs of words, longest first, with their role from the words
 * around them. A lookup per word run keeps this fast with thousands of names, where one
 * alternation of them all would be slow.
 */
export class ActorRule {
  readonly name = 'ActorRule';
  constructor(private readonly lexicon: ActorLexicon) {}

  apply(sentence: Sentence): ActorFinding[] {
    const words = [...sentence.text.matchAll(WORD)];
    const found: ActorFinding[] = [];
    for (let i = 0; i < words.length; i++) {
      const first = words[i]![0].toLowerCase();
      if (!this.lexicon.firstWords.has(first) && !this.lexicon.firstWords.has(first.replace(/\.$/, ''))) continue;
      for (let n = Math.min(this.lexicon.longest, words.length - i); n >= 1; n--) {
        const start = words[i]!.index;
        let end = words[i + n - 1]!.index + words[i + n - 1]![0].length;
        let entry = this.lexicon.lookup(sentence.text.slice(start, end));
        if (!entry && sentence.text[end - 1] === '.') entry = this.lexicon.lookup(sentence.text.slice(start, --end));
        if (!entry || (entry.exact && sentence.text.slice(start, end) !== entry.exact)) continue;
        found.push(this.build(entry, start, end, sentence));
        i += n - 1;
        break;
      }
    }
    return found;
  }

  private build(entry: ActorEntry, start: number, end: number, sentence: Sentence): ActorFinding {
    const before = sentence.text.slice(0, start);
    let after = sentence.text.slice(end);
    for (let place = PLACE_AFTER.exec(after); place; place = PLACE_AFTER.exec(after)) after = after.slice(place[0].length);
    const targeted = targetBefore.test(before) || secondPartyBefore.test(before) || (membersOfBefore.test(before) && !perpetratorAfter.test(after));
    const named = perpetratorBefore.test(before) && !organiserBefore.test(before);
    const victim = !named && victimAfter.test(after);
    const role = !victim && (named || (!targeted && perpetratorAfter.test(after))) ? 'perpetrator' : victim || targeted || targetAfter.test(after) ? 'target' : 'party';
    const evidence = { start: sentence.start + start, end: sentence.start + end, text: sentence.text.slice(start, end), rule: this.name };
    return { name: entry.name, kind: entry.kind, role, evidence, sentence };
  }
}
