// Context rules that adjust the event type a trigger suggested, using the actors and victims
// (ACLED's definitions: an attack on armed men is a clash; a protest met with force is a
// protest with intervention). Each rule is named, and applied in the order listed.
import type { Claim, EventType, SubEventType } from '../../types.js';
import type { ActorFinding } from '../types.js';
import { wordClass } from '../word-classes.js';

export interface EventTyping {
  eventType: EventType;
  subEventType: SubEventType;
}

export interface EventContext {
  text: string;
  claims: Claim[];
  actors: ActorFinding[];
  /** The trigger word or phrase that suggested the type, as written. */
  trigger?: string;
}

export interface ContextRule {
  name: string;
  applies(typing: EventTyping, context: EventContext): boolean;
  result(typing: EventTyping, context: EventContext): EventTyping;
}

const ARMED_VICTIMS = new Set(['soldiers', 'police', 'fighters']);
const CIVILIAN_VICTIMS = new Set(['civilians', 'children', 'women', 'protesters']);
/** An attack whose object is armed men or their posts: "fired on a security outpost", "attacked the AR camp". */
const ATTACK_ON_ARMED = /\b(?:attacked|attacking|attack on|attacks on|fired (?:on|at|upon)|opened fire (?:on|at)|shot at|ambushed|targeted|came under attack|stormed)\s+(?:\S+\s+){0,4}?(?:police|policem[ae]n|soldiers?|troops|army|military|security|personnel|rangers?|levies|forces|camp|outpost|checkpoints?|check[\s-]points?|check[\s-]?posts?|convoy|post|base|patrol|stations?|barracks|positions|headquarters|escort|militia|militiamen|frontlines?|front lines?)\b|\b(?:returned fire|retaliatory fire|retaliated|police firing|gunfight|shoot-?out)\b|\b(?:police(?:m[ae]n)?|soldiers?|troops|(?:police|army|military) officers?)\s+(?:from\s+\w+\s+)?(?:was|were)\s+(?:\w+ly\s+)?(?:shot|attacked|ambushed|targeted)\b/i;
/** Killed where no fight was possible: at home, off duty, assassinated. ACLED codes violence against the person. */
const DEFENCELESS_ARMED_VICTIM = /\b(?:assassinat\w*|off[\s-]duty|former (?:military|army|police|security) (?:officer|official|soldier|man)|(?:at|in|inside|outside|near) (?:his|her|their) (?:own )?(?:home|homes|house|houses|residence)|(?:stormed|raided|attacked) (?:his|her|their|the \w+['’]s) (?:home|house|residence))\b/i;
/** An attack met or aimed at armed men: "repelled", "thwarted", "against pro-Houthi groups". */
const RESISTED = /\b(?:repelled|repulsed|thwarted|foiled|against\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:forces|groups|fighters|militants|troops|army))\b/i;
const RESISTED_ATTACK = /\b(?:repelled|repulsed|thwarted|foiled|fought off|beat back)\s+(?:an?|the)\s+(?:\w+\s+)?(?:attack|assault|incursion|offensive)\b/i;
/** One-sided attacks: raids, incursions, invasions, fire opened on people. */
const ONE_SIDED_ENTRY = /^(?:raid|raided|raids|incursion|incursions|invaded|invasion|stormed|fired|firing|opened fire|shot at|shooting)$/i;
/** Groups without arms (communities, party supporters, factions) clashing with each other. */
const COMMUNAL_CLASH = /\b(?:communities|villagers|supporters|activists|workers|cadres|students|factions|groups of (?:locals|villagers|people)|two groups|rival groups|mobs?)\b[^.]{0,60}\bclash/i;
/** Crowds (rioters, traders, protesters) fighting the police: a riot, not a battle. */
const CROWD = wordClass('crowd');
const CROWD_CLASH = new RegExp(String.raw`\b${CROWD}\b[^.]{0,120}\b(?:clash|running battles?)|\b(?:clash\w*|running battles?)\b[^.]{0,40}\b(?:with|between)\b[^.]{0,40}\b${CROWD}\b`, 'i');
/** Armed men on a side of the clash make it a battle, whoever else took part. */
const ARMED_PARTY = new RegExp(String.raw`\b${wordClass('armed party')}\b`, 'i');
/** Armed men who are no state's: with them on a side, even rioters battle. */
const NON_STATE_ARMED = new RegExp(String.raw`\b${wordClass('non-state armed')}\b`, 'i');
/** Crowds that are unarmed by name: fighting soldiers, they still riot. */
const RIOTING_CROWD = new RegExp(String.raw`\b${wordClass('rioting crowd')}\b`, 'i');
/** Fire from both sides: "in both directions", "responded to shelling", "fired back". */
const TWO_SIDED_FIRE = /\b(?:in both directions|(?:shelling|artillery|fire) exchanges?|exchange[sd]? (?:of )?(?:fire|shelling|shells)|responded to (?:the\s+)?(?:[\w-]+\s+){0,2}(?:shelling|fire|attack)|fired back|returned fire|traded fire)\b/i;
/** Both sides fought: a clash, an encounter, fire returned or retaliated ("did not retaliate", "previous fighting", "fake encounter" do not count). With them, a raid or an incursion is a clash too. */
const FOUGHT_BACK = /(?<!\b(?:not|no|whether(?:\s+\S+){0,4}|previous|earlier|past|fake)\s+)\b(?:clash(?:ed|es)?|exchange[sd]? (?:of )?fire|gun-?battles?|gun-?fights?|fire-?fights?|fighting|fought|encounter(?!\s+sites?)|retaliated|returned fire|fired back|firing back|responded (?:immediately|accordingly|in kind|with)|repulsed|skirmish\w*|shoot-?out|cross-?fire)\b/i;
const HEAVY_WEAPONS = new RegExp(String.raw`\b${wordClass('heavy weapons')}\b`, 'i');
/** Fire aimed at places, not at an opposing force: "at farms and populated villages". */
const FIRE_AT_PLACES = /\bat\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:farms?|villages?|neighbou?rhoods?|residential|houses?|homes?)\b/i;
const SMALL_ARMS = new RegExp(String.raw`\b${wordClass('small arms')}\b`, 'i');
/** What a crowd does when it riots: burning, stoning, smashing, fighting the police. */
const VIOLENT_CROWD =
  /\b(?:torched|set (?:fire|ablaze)|setting fire|set (?:\w+\s+){0,3}?on fire|burn(?:t|ed|ing) (?:tyres|tires|objects|documents|vehicles?|cars?|buses|mattresses)|(?:were|was|being|been) (?:\w+ly\s+)?(?:burnt|burned|torched|stoned|vandali[sz]ed|smashed)|pelted|hurled stones|threw stones|stones|stoned|smash(?:ed|ing)|(?:destroy|damag)(?:ed|ing) (?:\w+\s+){0,2}?(?:property|vehicles?|cars?|buses|shops?|offices?)|vandali[sz]ed|ransacked|clashed|scuffles?|violent (?:protests?|strike|demonstrations?)|(?:turned|got|became) violent|went berserk|lynched|arson|machetes|storm(?:ed)? (?:the|a)|broke into|rioters)\b/i;
const PROTEST_CONTEXT = new RegExp(String.raw`\b${wordClass('protest')}\b`, 'i');
/** A protest held (not merely mentioned): "held a protest", "formed a human chain", "protested", "took to the streets". */
const PROTEST_HELD =
  /\b(?:(?:held|staged|organi[sz]ed|brought out|formed|took out|launched)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:protests?|demonstrations?|rall(?:y|ies)|march(?:es)?|human chains?|processions?|sit-ins?|hunger strike)|protested|protesting|took to the streets?|demonstrated)\b/i;
const harmed = (c: Claim) => (c.measure === 'killed' || c.measure === 'injured') && c.stance === 'asserts' && (c.low ?? 0) > 0;
const killed = (c: Claim) => c.measure === 'killed' && c.stance === 'asserts' && (c.low ?? 0) > 0;

export const eventContextRules: ContextRule[] = [
  {
    // "Students held a protest against the gang-rape of a nun": the violence is the grievance; nobody was hurt at the protest.
    name: 'ProtestAboutViolenceRule',
    applies: (t, c) => t.eventType === 'Violence against civilians' && PROTEST_HELD.test(c.text) && !c.claims.some(harmed) && !/\b(?:injur\w*|wounded|hurt)\b/i.test(c.text),
    result: (_, c) => (VIOLENT_CROWD.test(c.text) ? { eventType: 'Riots', subEventType: 'Violent demonstration' } : { eventType: 'Protests', subEventType: 'Peaceful protest' }),
  },
  {
    // Arson, destruction or a defection that kills someone is violence, not a strategic development.
    name: 'DeathsAreNotStrategicRule',
    applies: (t, c) => t.eventType === 'Strategic developments' && c.claims.some(killed),
    result: (_, c) => {
      const victims = c.claims.filter(killed).map((cl) => cl.victims);
      return victims.every((v) => ARMED_VICTIMS.has(v)) ? { eventType: 'Battles', subEventType: 'Armed clash' } : { eventType: 'Violence against civilians', subEventType: 'Attack' };
    },
  },
  {
    // An "attack" whose victims or targets are all armed is a clash between armed groups.
    name: 'AttackOnArmedTargetRule',
    applies: (t, c) => {
      if (t.subEventType !== 'Attack' || DEFENCELESS_ARMED_VICTIM.test(c.text)) return false;
      const victims = c.claims.filter((cl) => cl.measure === 'killed' || cl.measure === 'injured').map((cl) => cl.victims);
      const armedVictims = victims.some((v) => ARMED_VICTIMS.has(v)) && !victims.some((v) => CIVILIAN_VICTIMS.has(v));
      const armedTarget = c.actors.some((a) => a.role === 'target' && (a.kind === 'state' || a.kind === 'armed_group')) || ATTACK_ON_ARMED.test(c.text);
      // "GNA forces repelled an attack by LNA forces": the attacked side fought back.
      return armedVictims || (victims.every((v) => v !== 'civilians') && (armedTarget || RESISTED_ATTACK.test(c.text)));
    },
    result: () => ({ eventType: 'Battles', subEventType: 'Armed clash' }),
  },
  {
    // Armed men raiding a village or firing on people attack civilians: nobody fought back.
    name: 'RaidOnCiviliansRule',
    applies: (t, c) => {
      if (t.subEventType !== 'Armed clash' || !ONE_SIDED_ENTRY.test(c.trigger ?? '') || FOUGHT_BACK.test(c.text) || ATTACK_ON_ARMED.test(c.text) || RESISTED.test(c.text)) return false;
      const victims = c.claims.filter((cl) => cl.measure === 'killed' || cl.measure === 'injured' || cl.measure === 'abducted').map((cl) => cl.victims);
      // Armed men on the other side make it a fight; the raiders named again ("Police said") do not.
      const raiders = new Set(c.actors.filter((a) => a.role === 'perpetrator').map((a) => a.name));
      return !victims.some((v) => ARMED_VICTIMS.has(v)) && !c.actors.some((a) => a.role !== 'perpetrator' && !raiders.has(a.name) && (a.kind === 'state' || a.kind === 'armed_group'));
    },
    result: () => ({ eventType: 'Violence against civilians', subEventType: 'Attack' }),
  },
  {
    // Small arms alongside mortars or artillery, or fire from both sides, mean an exchange: ACLED codes a clash.
    name: 'SmallArmsMeansClashRule',
    // Heavy machine guns fired with mortars and grenade launchers count as shelling, as ACLED codes them.
    applies: (t, c) =>
      t.subEventType === 'Shelling/artillery/missile attack' && (TWO_SIDED_FIRE.test(c.text) || (SMALL_ARMS.test(c.text) && !FIRE_AT_PLACES.test(c.text))),
    result: () => ({ eventType: 'Battles', subEventType: 'Armed clash' }),
  },
  {
    // A bombing, a shelling or a killing that the other side answered with fire is a clash: "militants fired
    // rockets on check posts, the military retaliated", "gunned down in an encounter with the police".
    name: 'FoughtBackMeansClashRule',
    applies: (t, c) =>
      (t.eventType === 'Explosions/Remote violence' || t.subEventType === 'Attack') &&
      FOUGHT_BACK.test(c.text) &&
      !COMMUNAL_CLASH.test(c.text) &&
      !(CROWD_CLASH.test(c.text) && !ARMED_PARTY.test(c.text)),
    result: () => ({ eventType: 'Battles', subEventType: 'Armed clash' }),
  },
  {
    // Unarmed groups clashing with each other (communities, party supporters, students) riot, they do not battle.
    name: 'CommunalClashRule',
    applies: (t, c) =>
      t.subEventType === 'Armed clash' &&
      (COMMUNAL_CLASH.test(c.text) ||
        (CROWD_CLASH.test(c.text) && (!ARMED_PARTY.test(c.text) || (RIOTING_CROWD.test(c.text) && !NON_STATE_ARMED.test(c.text))))),
    // Demonstrators who fight are a violent demonstration; other crowds are a mob.
    result: (_, c) => ({ eventType: 'Riots', subEventType: /\b(?:protest\w*|demonstrat\w*|rall(?:y|ies)|riot\w*)\b/i.test(c.text) ? 'Violent demonstration' : 'Mob violence' }),
  },
  {
    // Protesters who turn to violence riot; the force used against them does not make it a peaceful protest.
    name: 'ViolentProtestRule',
    applies: (t, c) => t.eventType === 'Protests' && VIOLENT_CROWD.test(c.text),
    result: () => ({ eventType: 'Riots', subEventType: 'Violent demonstration' }),
  },
  {
    name: 'ProtestMetWithForceRule',
    // Arrests count only when they are of the protesters: a protest "against illegal arrests" is peaceful.
    applies: (t, c) =>
      t.eventType === 'Protests' &&
      /\b(?:tear ?gas|dispersed|water cannon|baton|lathi|live (?:rounds|ammunition)|open(?:ed|ing)?\s+(?:\w+\s+)?fire|fired (?:at|on|upon)|responded with (?:violence|force)|intervened|by force|(?:shot|fired)(?: \w+)? (?:in)?to the air|(?:police|forces)\s+(?:\w+\s+){0,3}(?:arrested|detained)|(?:protesters|demonstrators|participants|persons|people|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:\w+\s+){0,2}?(?:were|was)\s+(?:\w+\s+)?(?:arrested|detained)|\d+\s+arrested|detained\s+(?:\d+|two|three|four|five|several|dozens))\b/i.test(c.text),
    // Deaths at the hands of state forces are excessive force; at anyone else's, an attack on the crowd.
    result: (_, c) => {
      if (!c.claims.some(killed)) return { eventType: 'Protests', subEventType: 'Protest with intervention' };
      const byState = c.actors.some((a) => a.kind === 'state' && a.role !== 'target') || /\b(?:police|soldiers|troops|army|security forces)\b/i.test(c.text);
      return { eventType: 'Violence against civilians', subEventType: byState ? 'Excessive force against protesters' : 'Attack' };
    },
  },
  {
    // "13 bursts of fire involving heavy machineguns near Novoluhanske": heavy weapons alone, from one side, are shelling.
    name: 'HeavyWeaponsMeanShellingRule',
    applies: (t, c) =>
      t.subEventType === 'Armed clash' && HEAVY_WEAPONS.test(c.text) && !SMALL_ARMS.test(c.text) && !TWO_SIDED_FIRE.test(c.text) && !/\b(?:clash\w*|battl\w*|fight\w*|gun-?fight|encounter|ambush\w*)\b/i.test(c.text),
    result: () => ({ eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack' }),
  },
  {
    // "Taliban militants clashed with police": armed men fighting the police battle, they do not riot.
    name: 'ArmedMenDoNotRiotRule',
    applies: (t, c) => t.eventType === 'Riots' && c.actors.some((a) => a.role === 'perpetrator' && (a.kind === 'armed_group' || a.kind === 'unidentified') && !/^(?:Rioters|Protesters)/.test(a.name)),
    // Unless they only harmed the unarmed, who did not fight back: "assailants set his house afire after stabbing him" attacks a civilian.
    result: (_, c) =>
      c.claims.some(harmed) && !c.claims.some((cl) => harmed(cl) && ARMED_VICTIMS.has(cl.victims)) && !FOUGHT_BACK.test(c.text)
        ? { eventType: 'Violence against civilians', subEventType: 'Attack' }
        : { eventType: 'Battles', subEventType: 'Armed clash' },
  },
  {
    // A crowd that protests or demands something while it riots is a violent demonstration.
    name: 'ViolentDemonstratorsRule',
    applies: (t, c) => t.eventType === 'Riots' && t.subEventType === 'Mob violence' && PROTEST_CONTEXT.test(c.text),
    result: () => ({ eventType: 'Riots', subEventType: 'Violent demonstration' }),
  },
];

/** The first of `rules` that applies adjusts the typing; none leaves it as the trigger said. */
export function applyEventContext(rules: ContextRule[], typing: EventTyping, context: EventContext): EventTyping & { rule: string | null } {
  for (const rule of rules) {
    if (rule.applies(typing, context)) return { ...rule.result(typing, context), rule: rule.name };
  }
  return { ...typing, rule: null };
}
