// Pattern pieces built from the lexicons, shared by the rules.
import type { Measure } from '../types.js';
import { alternation, lexiconRows } from './lexicon.js';

const victimRows = lexiconRows('victims.txt');
const verbRows = lexiconRows('casualty-verbs.txt');

const victimClasses = new Map(victimRows.map(([noun, cls]) => [noun!.toLowerCase(), cls!]));
const verbMeasures = new Map(verbRows.map(([verb, measure]) => [verb!.toLowerCase(), measure as Measure]));

/** A victim noun ("civilians", "security personnel"). */
export const VICTIM = alternation(victimRows.map(([noun]) => noun!));
/** A word for one person by role or kinship ("driver", "son"; data/lexicons/roles.txt). */
export const ROLE = alternation(lexiconRows('roles.txt').map(([word]) => word!));
/** Up to three modifiers before a victim noun ("Afghan", "pro-government", "Boko Haram", "13-year-old"); lazy so the noun wins. */
export const MODIFIERS = String.raw`(?:(?!(?:and|or|but|while|when|as|after|before|who|which|that|were|was|are|have|has|had|dead|killed|injured|wounded)\b)(?:[A-Za-z][\w'’-]*|\d+-year-old)\s+){0,3}?`;
/** A casualty word ("killed", "lost their lives", "wounding"). */
export const CASUALTY_VERB = alternation(verbRows.map(([verb]) => verb!));

/** Victim class of a noun phrase: the class of its head noun, `all` when unknown. */
export function victimClass(noun: string | undefined): string {
  if (!noun) return 'all';
  return victimClasses.get(noun.toLowerCase().replace(/\s+/g, ' ')) ?? 'all';
}

/** What a casualty word measures; `killed` for unknown words, as the patterns only admit listed ones. */
export function measureOf(verb: string): Measure {
  return verbMeasures.get(verb.toLowerCase().replace(/\s+/g, ' ')) ?? 'killed';
}

/** Up to two adverbs between auxiliary and verb: "were also killed", "was reportedly shot dead", "were reported killed". */
export const ADVERBS = String.raw`(?:(?:\w+ly|also|later|then|all|both|since|today|yesterday|reported|confirmed|believed|feared|said to have been)\s+){0,2}`;

/** A word of a victim phrase that is not a known victim noun: never a casualty word or a conjunction ("12 killed and four injured"). */
const OTHER_WORD = String.raw`(?!(?:killed|dead|died|injured|wounded|hurt|missing|and|or|as|when|while|after|before|because|since|but|who|which|that)\b)[A-Za-z][\w'’-]*`;

/** A victim phrase (`groups`: two named groups, "TTP and LI militants", checked for capitals by the rule): modifiers and a known victim noun (group `victim`), or up to three other words ("2 brothers", "1 levies personnel"), which count as `all`. */
export const VICTIM_PHRASE = String.raw`(?:(?<groups>[A-Za-z][\w'’/-]*\s+and\s+)?${MODIFIERS}(?<victim>${VICTIM})\b|${OTHER_WORD}(?:\s+${OTHER_WORD}){0,2})`;

/** A phrase after a victim noun naming whose they are: "from the Myanmar Armed Forces", "from different groups", "from the so-called Islamic State (IS)". */
export const VICTIM_OWNER = String.raw`(?:\s+(?:from|of)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}?(?:\s+\([^()]{1,20}\))?)`;

const victimNounRe = new RegExp(String.raw`\b(?:${VICTIM})\b`, 'gi');

/** Whether an armed group's name is in some words ("MNDAA soldiers", "TTP militants"): the actor lexicon knows. */
export type ArmedGroupTest = (words: string) => boolean;

/**
 * The victim class of a whole phrase: its victim nouns' when they agree ("At least 10 IS militants" ->
 * fighters), and fighters when an armed group's name comes before a word for troops ("two MNDAA
 * soldiers") or stands for its members ("seven Boko Haram dead").
 */
export function phraseVictimClass(phrase: string, noun: string | undefined, armedGroupNamed: ArmedGroupTest): string {
  let cls = victimClass(noun);
  if (cls === 'all') {
    // A part named after "including" ("63 people, including 36 civilians") is not the whole.
    const whole = phrase.split(/,?\s+(?:including|among them|among whom|of whom)\b/i)[0] as string;
    const nouns = [...whole.matchAll(victimNounRe)];
    const classes = new Set(nouns.map((m) => victimClass(m[0])).filter((c) => c !== 'all'));
    // "one soldier and one civilian": victims of several classes are all victims.
    cls = classes.size === 1 ? ([...classes][0] as string) : 'all';
    // "At least two al Shabaab dead": an armed group's name standing for its members.
    if (nouns.length === 0 && armedGroupNamed(whole)) return 'fighters';
  }
  if ((cls === 'soldiers' || cls === 'police') && armedGroupNamed(phrase)) return 'fighters';
  return cls;
}

/** Openings that start a new incident in the same report ("In a separate incident", "Elsewhere"). */
export const NEW_INCIDENT_CUE = /^(?:In (?:another|a separate|a second|a similar|an unrelated) (?:incident|attack|development)|Separately|Elsewhere|In other (?:violence|incidents?)|Also on|Later (?:that|the same) day|On the same day)\b/i;

/**
 * A death that follows injuries from an attack told elsewhere ("succumbed to his injuries", "the
 * injured leader died on Wednesday at the hospital"): the attack's incident, dated by the attack.
 */
export const LATER_DEATH_CUE =
  /\b(?:succumb?ed|later died|died (?:later|of (?:his|her|their) (?:injuries|wounds)|(?:while|during) (?:undergoing )?treatment|after (?:being )?(?:hospitali[sz]ed|admitted))|died\b[^.;]{0,40}\bhospital)|\b(?:injured|wounded)\b[^.;]{0,60}\bdied\b/i;
