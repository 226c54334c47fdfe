// Groups a report's sentences into incidents and gives each its type, date and actors.
// Background sentences (campaign summaries, history, habits) never make incidents.
import type { Claim, EventType, Evidence, SubEventType } from '../types.js';
import { groupBy } from '../util/group-by.js';
import { applyEventContext, type ContextRule } from './rules/event-context.js';
import { LATER_DEATH_CUE, NEW_INCIDENT_CUE } from './vocabulary.js';
import { sentenceEvidence } from './rules/pattern-rule.js';
import type { Sentence } from './sentences.js';
import type { IncidentRole } from '../types.js';
import type { ActorFinding, BackgroundFinding, DateFinding, Findings, IncidentDraft, TriggerFinding } from './types.js';

/** ACLED's actor when a report names none, by sub-event type or else event type: protesters protest, rioters riot, violence without a named perpetrator is an unidentified armed group's. */
const DEFAULT_ACTOR1: Partial<Record<EventType | SubEventType, string>> = {
  // Air forces are states': an air strike with no named actor is the state's where it happened.
  'Air/drone strike': 'Military Forces of {country}',
  Protests: 'Protesters ({country})',
  Riots: 'Rioters ({country})',
  'Violence against civilians': 'Unidentified Armed Group ({country})',
  'Explosions/Remote violence': 'Unidentified Armed Group ({country})',
  Battles: 'Unidentified Armed Group ({country})',
};
const CASUALTY_MEASURES = new Set(['killed', 'injured', 'missing', 'abducted']);

interface Group {
  /** Sentences that describe the event (a trigger or a casualty figure). */
  sentences: Sentence[];
  /** Every sentence attached to the incident, event or not: context for typing. */
  members: Sentence[];
  claims: Claim[];
  /** The first date of the event in an event sentence, else in any member sentence. */
  date: DateFinding | null;
  memberDate: DateFinding | null;
  /** The first date of saying ("police said on Tuesday"): the event's only when nothing else dates it. */
  saidDate: DateFinding | null;
  /** Whether its event sentences so far only tell of victims dying of their injuries later. */
  onlyLaterDeaths: boolean;
  /** The date of a later death: the incident's only when nothing else dates it. */
  deathDate: DateFinding | null;
}

/** How far before the main event an incident may lie and still be news of its own, not background. */
const FURTHER_EVENT_DAYS = 7;

/**
 * Groups the sentences into incidents, the main event first: the one the headline and lead
 * report. Further events follow, then background events (told for context, a week or more
 * before the main one).
 */
export function assembleIncidents(findings: Findings, claims: Claim[], published: string | null, contextRules: ContextRule[]): IncidentDraft[] {
  const background = new Set(findings.background.filter((b) => !isLeadEvent(b, findings) && !inAside(b)).map((b) => b.sentence.index));
  for (const index of findings.tallySentences) if (!isLeadEventBeforeTally(index, findings)) background.add(index);
  const claimsBySentence = groupBy(claims, (c) => sentenceIndexOf(findings.sentences, c.evidence.start));
  const triggersBySentence = groupBy(findings.triggers, (t) => t.sentence.index);
  // A date inside a background or tally cue ("since March 17th", "in November last year") dates the background.
  const inBackground = (d: DateFinding) => [...findings.background, ...findings.tallyCues].some((b) => b.evidence.start < d.evidence.end && d.evidence.start < b.evidence.end);
  const datesBySentence = groupBy(findings.dates.filter((d) => !inBackground(d)), (d) => d.sentence.index);

  const groups: Group[] = [];
  const orphanClaims: Claim[] = [];
  let current: Group | null = null;
  /** A date stated before the first incident (a dateline, a lead): the date of incidents that state none. */
  let leadDate: DateFinding | null = null;
  for (const sentence of findings.sentences) {
    if (background.has(sentence.index)) continue;
    const sentenceClaims = claimsBySentence.get(sentence.index) ?? [];
    const hasTrigger = (triggersBySentence.get(sentence.index)?.length ?? 0) > 0;
    const isEvent = hasTrigger || sentenceClaims.some((c) => CASUALTY_MEASURES.has(c.measure) && (c.low ?? 0) > 0);
    const dates = datesBySentence.get(sentence.index) ?? [];
    const date = dates.find((d) => !d.said) ?? null;
    const saidDate = dates.find((d) => d.said) ?? null;
    // A victim who died of injuries later belongs to the attack's incident, told before or after, and is not its date.
    const laterDeath = isEvent && LATER_DEATH_CUE.test(sentence.text) && !NEW_INCIDENT_CUE.test(sentence.text);
    const starts = !current || opensAnotherDay(sentence, date, current) || (hasTrigger && !laterDeath && !current.onlyLaterDeaths && startsNewIncident(sentence, date, current));
    if (isEvent && starts) {
      current = { sentences: [], members: [], claims: [], date: null, memberDate: null, saidDate: null, onlyLaterDeaths: true, deathDate: null };
      groups.push(current);
    }
    if (!current) {
      orphanClaims.push(...sentenceClaims);
      leadDate ??= date;
      continue;
    }
    // The main event is the news: a month, or a day weeks before publication, told in the body is
    // another time's ("the fourth murder in the camp in May", "killed in a similar attack in June 2020").
    const ownDate = current === groups[0] && date && !inLead(sentence, findings) && isRemote(date, published) ? null : date;
    if (isEvent) {
      current.sentences.push(sentence);
      if (!laterDeath) {
        current.date ??= ownDate;
        current.onlyLaterDeaths = false;
      }
    }
    current.members.push(sentence);
    current.saidDate ??= saidDate;
    if (laterDeath) current.deathDate ??= ownDate;
    // A sentence of no event that opens with another day tells of another time: it does not date this incident.
    else if (isEvent || !opensAnotherDay(sentence, date, current)) current.memberDate ??= ownDate;
    current.claims.push(...sentenceClaims);
  }
  if (groups[0]) groups[0].claims.unshift(...orphanClaims);
  const drafts = groups.map((group) =>
    draftFrom({ ...group, date: group.date ?? group.memberDate ?? leadDate ?? group.saidDate ?? group.deathDate }, findings, triggersBySentence, published, contextRules),
  );
  return rankByRole(drafts, published);
}

/** The main event first (the first the article tells), then further events, then background ones. */
function rankByRole(drafts: IncidentDraft[], published: string | null): IncidentDraft[] {
  const [main, ...others] = drafts;
  if (!main) return [];
  const reference = main.timePrecision === 1 && main.date ? main.date : published;
  const roleOf = (draft: IncidentDraft): IncidentRole => {
    if (!reference || !draft.date || draft.timePrecision === 2) return 'further';
    return Date.parse(draft.date) < Date.parse(reference) - FURTHER_EVENT_DAYS * 86_400_000 ? 'background' : 'further';
  };
  const ranked = others.map((draft) => ({ ...draft, role: roleOf(draft) }));
  return [{ ...main, role: 'main' }, ...ranked.filter((d) => d.role === 'further'), ...ranked.filter((d) => d.role === 'background')];
}

/** "On May 17, ...", "While on May 14, ...", "Also, on May 2, ...": a sentence that opens with a date. */
const OPENING_DATE = /^(?:(?:and|but|also|meanwhile|while|earlier|later|then|separately|previously|moreover)[,\s]+)*(?:(?:on|in|early on|late on|at dawn on|on the (?:morning|night|evening) of)\s+)?$/i;

/**
 * A sentence that opens with another day than the incident's starts an incident of its own:
 * monitors' bulletins tell earlier events in paragraphs of their own ("On February 17, SOHR
 * activists reported ..."). Under an undated incident, only a stated day ("On June 17") does: a
 * weekday may be the same event's day.
 */
function opensAnotherDay(sentence: Sentence, date: DateFinding | null, current: Group | null): boolean {
  if (!current || !date || !OPENING_DATE.test(sentence.text.slice(0, date.evidence.start - sentence.start))) return false;
  const currentDate = current.date ?? current.memberDate;
  if (currentDate) return currentDate.date !== date.date;
  return /\d/.test(date.evidence.text);
}

/** How far before publication a day told in an article's body may lie and still be its main event's. */
const REMOTE_DAYS = 30;

/** A month (no day), or a day more than REMOTE_DAYS before publication. */
function isRemote(date: DateFinding, published: string | null): boolean {
  if (date.precision === 3) return true;
  return published !== null && Date.parse(date.date) < Date.parse(published) - REMOTE_DAYS * 86_400_000;
}

/** A sentence of the headline or of the lead paragraph. */
function inLead(sentence: Sentence, findings: Findings): boolean {
  const { headline, lead } = findings.article;
  return headline.includes(sentence.paragraph) || sentence.paragraph === (lead ?? 0);
}

/** The lead's first sentence, where a report states its event (the headline aside). */
function isLeadSentence(index: number, findings: Findings): boolean {
  const lead = findings.article.lead;
  const first = findings.sentences.find((s) => (lead === null ? true : s.paragraph === lead));
  return first?.index === index || index === 0;
}

/** "Protesters blocked the road on Monday, the fifth protest since January": a lead that states its event before a tally's words, with no tally figure. */
function isLeadEventBeforeTally(index: number, findings: Findings): boolean {
  if (!isLeadSentence(index, findings) || findings.tallies.some((t) => t.sentence.index === index)) return false;
  const cue = findings.tallyCues.find((c) => c.sentence.index === index);
  return cue !== undefined && findings.triggers.some((t) => t.sentence.index === index && t.evidence.start < cue.evidence.start);
}

/**
 * A report's first sentence that states an event before its background cue is the event with
 * its circumstances ("Residents protested against the relocation of people whose houses were
 * demolished in November last year"), not background; but a toll over a campaign ("200 have
 * been killed since the start of the campaign") stays a summary.
 */
function isLeadEvent(cue: BackgroundFinding, findings: Findings): boolean {
  const index = cue.sentence.index;
  if (!isLeadSentence(index, findings)) return false;
  if (cue.kind === 'campaign' && findings.casualties.some((c) => c.sentence.index === index)) return false;
  return findings.triggers.some((t) => t.sentence.index === index && t.evidence.start < cue.evidence.start);
}

/**
 * A cue inside an aside set off by commas dates the aside, not its sentence: "A commander, wanted
 * in last year's massacre case, has been killed".
 */
function inAside(cue: BackgroundFinding): boolean {
  const { sentence, evidence } = cue;
  const before = sentence.text.slice(0, evidence.start - sentence.start);
  const after = sentence.text.slice(evidence.end - sentence.start);
  return /,\s*(?:who|which|whose|wanted|accused|arrested|suspected|believed|known|convicted|responsible)\b[^,]*$/i.test(before) && /^[^,]*,/.test(after);
}

/** "The chance encounter took place late Monday night": a sentence that refers back to the event tells more of it. */
const REFERS_BACK = /^(?:the|this|that|its)\s+(?:[\w-]+\s+){0,3}?(?:attack|incident|clash(?:es)?|encounter|fighting|operation|raid|ambush|strike|air ?strike|bombing|explosion|blast|shelling|assault|battle|killing|shooting|violence|event|gunfight|firefight|exchange)\b/i;

function startsNewIncident(sentence: Sentence, date: DateFinding | null, current: Group): boolean {
  const otherDay = date !== null && current.date !== null && date.precision === 1 && current.date.precision === 1 && date.date !== current.date.date;
  return (otherDay && !REFERS_BACK.test(sentence.text)) || NEW_INCIDENT_CUE.test(sentence.text);
}

function draftFrom(group: Group, findings: Findings, triggersBySentence: Map<number, TriggerFinding[]>, published: string | null, contextRules: ContextRule[]): IncidentDraft {
  const indices = new Set(group.sentences.map((s) => s.index));
  const memberIndices = new Set(group.members.map((s) => s.index));
  const first = group.sentences[0]!;
  const triggers = group.sentences.flatMap((s) => triggersBySentence.get(s.index) ?? []);
  const best = triggers.reduce<TriggerFinding | null>((top, t) => (!top || score(t, first) > score(top, first) ? t : top), null);
  // Actors named in the event's own sentences first, then those in the sentences around it ("X claimed responsibility").
  const actors = [
    ...findings.actors.filter((a) => indices.has(a.sentence.index)),
    ...findings.actors.filter((a) => !indices.has(a.sentence.index) && memberIndices.has(a.sentence.index)),
  ];
  const typing = applyEventContext(
    contextRules,
    best ? { eventType: best.eventType, subEventType: best.subEventType } : { eventType: 'Violence against civilians', subEventType: 'Attack' },
    { text: group.members.map((s) => s.text).join(' '), claims: group.claims, actors, trigger: best?.evidence.text },
  );
  const evidence: Record<string, Evidence[]> = {
    event_type: best ? [best.evidence] : [sentenceEvidence(first, 'CasualtiesWithoutTriggerDefault')],
  };
  if (typing.rule) evidence.event_type!.push({ ...sentenceEvidence(first, typing.rule), note: `type adjusted by ${typing.rule}` });

  const { date, timePrecision, dateEvidence } = chooseDate(group, published);
  if (dateEvidence) evidence.date = [dateEvidence];

  const chosen = chooseActors(typing.eventType, typing.subEventType, actors, group.claims);
  if (chosen.actor1Evidence) evidence.actor1 = [chosen.actor1Evidence];
  // Every sentence of the incident names no perpetrator: they are all the evidence (country conventions read them).
  else if (chosen.actor1) evidence.actor1 = group.members.map((s) => ({ ...sentenceEvidence(s, 'DefaultActorRule'), note: `no named perpetrator: ACLED's default actor for ${typing.eventType}` }));
  if (chosen.actor2Evidence) evidence.actor2 = [chosen.actor2Evidence];

  return {
    role: 'main',
    eventType: typing.eventType,
    subEventType: typing.subEventType,
    date,
    timePrecision,
    actor1: chosen.actor1,
    actor2: chosen.actor2,
    claims: group.claims,
    focus: group.sentences.map((s) => ({ start: s.start, end: s.end })),
    evidence,
  };
}

/** The first sentence's triggers weigh more: leads state the event, later sentences add detail and background. */
const FIRST_SENTENCE_BONUS = 25;

function score(trigger: TriggerFinding, first: Sentence): number {
  return trigger.weight + (trigger.sentence === first ? FIRST_SENTENCE_BONUS : 0);
}

/**
 * Actor 1 did it, actor 2 suffered it. In protests and riots ACLED names the crowd first
 * ("Protesters (Iraq)") and the forces that met it second; elsewhere the perpetrator comes
 * first, and without one ACLED's default for the event type.
 */
function chooseActors(eventType: EventType, subEventType: SubEventType, actors: ActorFinding[], claims: Claim[]) {
  // "Gunmen shot dead a commissioner ... Al Shabaab claimed the attack": the group the text names beats the unnamed men.
  const perpetrators = actors.filter((a) => a.role === 'perpetrator');
  const named = perpetrators.find((a) => a.kind === 'armed_group' || a.kind === 'party' || a.kind === 'external');
  const perpetrator = perpetrators[0]?.kind === 'unidentified' ? (named ?? perpetrators[0]) : perpetrators[0];
  if (eventType === 'Protests' || eventType === 'Riots') {
    const other = perpetrator ?? actors.find((a) => a.role === 'target');
    return { actor1: DEFAULT_ACTOR1[eventType]!, actor1Evidence: null, actor2: other?.name ?? null, actor2Evidence: other?.evidence ?? null };
  }
  // In a battle with no named attacker, ACLED names a side that took part: the first one named,
  // before the side that suffered ("two militants were killed in an encounter with the police").
  // A strategic development (reinforcements, a base, a defection) is the act of the side named doing it, as a battle is.
  const sideEvent = eventType === 'Battles' || eventType === 'Strategic developments';
  const battleSide = sideEvent && !perpetrator ? (actors.find((a) => a.role === 'party') ?? actors.find((a) => a.role === 'target')) : undefined;
  const target = actors.find((a) => a.role === 'target' && a.name !== (perpetrator ?? battleSide)?.name);
  const civilianVictims = claims.some((c) => ['civilians', 'children', 'women'].includes(c.victims) && c.measure !== 'involvement');
  const actor2Names = [...(civilianVictims ? ['Civilians ({country})'] : []), ...(target ? [target.name] : [])];
  return {
    actor1: (perpetrator ?? battleSide)?.name ?? DEFAULT_ACTOR1[subEventType] ?? DEFAULT_ACTOR1[eventType] ?? null,
    actor1Evidence: (perpetrator ?? battleSide)?.evidence ?? null,
    actor2: actor2Names.length > 0 ? actor2Names.join('; ') : null,
    actor2Evidence: target?.evidence ?? null,
  };
}

/**
 * The incident's date: the one its sentences state, else the report's lead date; without either,
 * the day of publication, coded as precise to the week only. News that gives no date mostly tells
 * the day's events: monitors' bulletins are written within hours, and "yesterday" or a weekday is
 * written out when the event is older (on UCDP's coded articles, an undated event was on the day
 * of publication twice as often as on any earlier day).
 */
function chooseDate(group: Group, published: string | null) {
  if (group.date) return { date: group.date.date, timePrecision: group.date.precision, dateEvidence: group.date.evidence };
  if (published) {
    const first = group.sentences[0]!;
    return {
      date: published,
      timePrecision: 2 as const,
      dateEvidence: { ...sentenceEvidence(first, 'PublicationDayFallback'), note: `no date in the text: the day of publication (${published}), precise to the week` },
    };
  }
  return { date: null, timePrecision: 3 as const, dateEvidence: null };
}

function sentenceIndexOf(sentences: Sentence[], offset: number): number {
  return sentences.find((s) => s.start <= offset && offset < s.end)?.index ?? -1;
}
