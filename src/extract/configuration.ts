// The extraction rules, in the order they run. Order matters where findings overlap: the
// first rule listed wins (see removeOverlappingCasualties).
import { AccordingToRule } from './rules/attribution/according-to-rule.js';
import { InvolvementRule } from './rules/attribution/involvement-rule.js';
import { QuotedByRule } from './rules/attribution/quoted-by-rule.js';
import { SpeakerVerbRule } from './rules/attribution/speaker-verb-rule.js';
import { TrailingSaidRule } from './rules/attribution/trailing-said-rule.js';
import { BackgroundRule } from './rules/background-rule.js';
import { ActiveCasualtyRule } from './rules/casualties/active-casualty-rule.js';
import { AlongWithRule } from './rules/casualties/along-with-rule.js';
import { ArticleVictimRule } from './rules/casualties/article-victim-rule.js';
import { CoordinatedVictimsRule } from './rules/casualties/coordinated-victims-rule.js';
import { BodyFoundRule } from './rules/casualties/body-found-rule.js';
import { DeathTollRule } from './rules/casualties/death-toll-rule.js';
import { DeathsOfRule } from './rules/casualties/deaths-of-rule.js';
import { ElidedVictimsRule } from './rules/casualties/elided-victims-rule.js';
import { HeadlineVictimRule } from './rules/casualties/headline-victim-rule.js';
import { IncludingVictimsRule } from './rules/casualties/including-victims-rule.js';
import { IntransitiveCasualtyRule } from './rules/casualties/intransitive-casualty-rule.js';
import { ObjectVictimRule } from './rules/casualties/object-victim-rule.js';
import { NoCasualtiesRule } from './rules/casualties/no-casualties-rule.js';
import { NominalCasualtyRule } from './rules/casualties/nominal-casualty-rule.js';
import { PartitiveVictimsRule } from './rules/casualties/partitive-victims-rule.js';
import { PassiveCasualtyRule } from './rules/casualties/passive-casualty-rule.js';
import { SingleVictimRule } from './rules/casualties/single-victim-rule.js';
import { SubjectCountRule } from './rules/casualties/subject-count-rule.js';
import { SustainedInjuriesRule } from './rules/casualties/sustained-injuries-rule.js';
import { StrikeCountRule } from './rules/casualties/strike-count-rule.js';
import { TallyRule } from './rules/tally-rule.js';
import { DateRule } from './rules/date-rule.js';
import { EventTriggerRule } from './rules/event-trigger-rule.js';
import { HedgeRule } from './rules/hedge-rule.js';

export const casualtyRules = [
  new CoordinatedVictimsRule(),
  new SubjectCountRule('lists'),
  new ObjectVictimRule('lists'),
  new AlongWithRule(),
  new PartitiveVictimsRule(),
  new PassiveCasualtyRule(),
  new IntransitiveCasualtyRule(),
  new SustainedInjuriesRule(),
  new DeathTollRule(),
  new DeathsOfRule(),
  new ActiveCasualtyRule(),
  new NominalCasualtyRule(),
  new ArticleVictimRule(),
  new SingleVictimRule(),
  new SubjectCountRule('any'),
  new HeadlineVictimRule(),
  new ObjectVictimRule('any'),
  new BodyFoundRule(),
  new ElidedVictimsRule(),
  new IncludingVictimsRule(),
  new NoCasualtiesRule(),
  new StrikeCountRule(),
];

export const attributionRules = [new QuotedByRule(), new AccordingToRule(), new SpeakerVerbRule(), new TrailingSaidRule()];
export const involvementRules = [new InvolvementRule()];
export const triggerRules = [new EventTriggerRule()];
export const backgroundRules = [new BackgroundRule()];
export const tallyRules = [new TallyRule()];
export const hedgeRules = [new HedgeRule()];
export const dateRule = new DateRule();
