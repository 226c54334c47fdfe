// Everything the extract stage runs, in the order it runs. Where casualty rules overlap, the
// first listed wins (OverlapRefiner); refiners then revise findings across sentences in the
// order listed; context rules adjust the event type a trigger suggested, first match wins.
import { loadLexicons, type ExtractLexicons } from './lexicons.js';
import { GrievanceRefiner } from './refiners/grievance-refiner.js';
import { KilledThemRefiner } from './refiners/killed-them-refiner.js';
import { OverlapRefiner } from './refiners/overlap-refiner.js';
import { PronounVictimRefiner } from './refiners/pronoun-victim-refiner.js';
import { TallyRefiner } from './refiners/tally-refiner.js';
import { ActorRule } from './rules/actor-rule.js';
import { AccordingToRule } from './rules/attribution/according-to-rule.js';
import { InvolvementRule } from './rules/attribution/involvement-rule.js';
import { QuotedByRule } from './rules/attribution/quoted-by-rule.js';
import { SpeakerVerbRule } from './rules/attribution/speaker-verb-rule.js';
import { TrailingSaidRule } from './rules/attribution/trailing-said-rule.js';
import { BackgroundRule } from './rules/background-rule.js';
import { ActiveCasualtyRule } from './rules/casualties/active-casualty-rule.js';
import { AlongWithRule } from './rules/casualties/along-with-rule.js';
import { ArticleVictimRule } from './rules/casualties/article-victim-rule.js';
import { BodyFoundRule } from './rules/casualties/body-found-rule.js';
import { CoordinatedVictimsRule } from './rules/casualties/coordinated-victims-rule.js';
import { DeathTollRule } from './rules/casualties/death-toll-rule.js';
import { DeathsOfRule } from './rules/casualties/deaths-of-rule.js';
import { ElidedVictimsRule } from './rules/casualties/elided-victims-rule.js';
import { HeadlineVictimRule } from './rules/casualties/headline-victim-rule.js';
import { IncludingVictimsRule } from './rules/casualties/including-victims-rule.js';
import { IntransitiveCasualtyRule } from './rules/casualties/intransitive-casualty-rule.js';
import { NoCasualtiesRule } from './rules/casualties/no-casualties-rule.js';
import { NominalCasualtyRule } from './rules/casualties/nominal-casualty-rule.js';
import { ObjectVictimRule } from './rules/casualties/object-victim-rule.js';
import { PartitiveVictimsRule } from './rules/casualties/partitive-victims-rule.js';
import { PassiveCasualtyRule } from './rules/casualties/passive-casualty-rule.js';
import { SingleVictimRule } from './rules/casualties/single-victim-rule.js';
import { StrikeCountRule } from './rules/casualties/strike-count-rule.js';
import { SubjectCountRule } from './rules/casualties/subject-count-rule.js';
import { SustainedInjuriesRule } from './rules/casualties/sustained-injuries-rule.js';
import { DateRule } from './rules/date-rule.js';
import { eventContextRules } from './rules/event-context.js';
import { EventTriggerRule } from './rules/event-trigger-rule.js';
import { HedgeRule } from './rules/hedge-rule.js';
import { TallyRule } from './rules/tally-rule.js';

export type ExtractConfiguration = ReturnType<typeof createConfiguration>;

/** The rules, refiners and context rules of the extract stage, reading `lexicons` (the bundled ones by default). */
export function createConfiguration(lexicons: ExtractLexicons = loadLexicons()) {
  return {
    lexicons,
    casualtyRules: [
      new CoordinatedVictimsRule(),
      new SubjectCountRule(lexicons, 'lists'),
      new ObjectVictimRule(lexicons, 'lists'),
      new AlongWithRule(lexicons),
      new PartitiveVictimsRule(lexicons),
      new PassiveCasualtyRule(lexicons),
      new IntransitiveCasualtyRule(lexicons),
      new SustainedInjuriesRule(lexicons),
      new DeathTollRule(lexicons),
      new DeathsOfRule(lexicons),
      new ActiveCasualtyRule(lexicons),
      new NominalCasualtyRule(lexicons),
      new ArticleVictimRule(lexicons),
      new SingleVictimRule(lexicons),
      new SubjectCountRule(lexicons, 'any'),
      new HeadlineVictimRule(lexicons),
      new ObjectVictimRule(lexicons, 'any'),
      new BodyFoundRule(lexicons),
      new ElidedVictimsRule(lexicons),
      new IncludingVictimsRule(lexicons),
      new NoCasualtiesRule(),
      new StrikeCountRule(lexicons),
    ],
    /** Run on every casualty finding of a report, in this order. */
    casualtyRefiners: [OverlapRefiner, KilledThemRefiner, PronounVictimRefiner, GrievanceRefiner],
    /** Sets running tallies apart from the events' figures, last. */
    tallyRules: [new TallyRule()],
    tallyRefiner: TallyRefiner,
    attributionRules: [new QuotedByRule(), new AccordingToRule(), new SpeakerVerbRule(), new TrailingSaidRule()],
    involvementRules: [new InvolvementRule()],
    triggerRules: [new EventTriggerRule()],
    backgroundRules: [new BackgroundRule()],
    hedgeRules: [new HedgeRule()],
    actorRules: [new ActorRule(lexicons.actors)],
    dateRule: new DateRule(),
    /** Adjust the type a trigger suggested from the incident's actors, victims and words. */
    eventContextRules,
  };
}
