import { ADVERBS, VICTIM } from '../../vocabulary.js';
import { CasualtyRule, EARLIER_EVENT_BEFORE } from './casualty-rule.js';

/** Words that make a subject plural or counted: those are the numeric rules' business. */
const victimNoun = new RegExp(String.raw`\b(?:${VICTIM})\b`, 'gi');

/** "On 8 May 2020, ", "In Chapainawabganj, ", "As reported on 1 May 2020, ": openers, not subjects. */
const OPENING_PHRASE = /^(?:(?:On|In|At|Around|Near|As reported on|Reported on|Late on|Early on|Meanwhile|Separately)\b[^,]*,\s+)+/;

/** "No one was hurt", "Nobody was killed": NoCasualtiesRule reads these. */
const NEGATED_SUBJECT = /^\s*(?:no|none|nobody|neither)\b/i;

const COUNTED = /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens?|scores|hundreds|several|many|some|people|persons|civilians|others|both|all)\b/i;

/**
 * One victim, named or described, with a singular verb: "An activist of the League was killed",
 * "MQM worker Nadeem Ahmed was shot dead", "Rajaram Jha, 25, died", "the driver succumbed to his injuries".
 */
export class SingleVictimRule extends CasualtyRule {
  readonly name = 'SingleVictimRule';
  protected pattern(): string {
    const clauseStart = String.raw`(?:^["“]?|[,;:]\s+|\b(?:and|when|that|while|as|after|where)\s+)`;
    const subject = String.raw`(?<subject>(?:[\w'’().-]+,?\s+){1,7}?)`;
    const transitive = String.raw`(?:was|(?:has|had)(?:\s+\w+ly)?\s+been|is)\s+${ADVERBS}(?:(?:attacked|kidnapped|abducted|tortured|beaten|shot|picked up|targett?ed|ambushed|hacked|stabbed|chased|dragged out)\s+and\s+)?(?<verb>killed|axed to death|shot dead|gunned down|shot and killed|shot to death|shot and died|beheaded|lynched|murdered|executed|hacked to death|chopped to death|clobbered to death|clubbed to death|bludgeoned to death|slaughtered|beaten to death|beaten dead|beat to death|stabbed to death|burnt to death|burned to death|burnt alive|burned alive|strangled|found dead|declared dead|pronounced dead|discovered dead|wounded|injured|hurt|abducted|kidnapped)`;
    const intransitive = String.raw`(?:${ADVERBS})(?<verb2>died|succumb?ed to (?:his|her) (?:injuries|wounds))`;
    return String.raw`${clauseStart}${subject}(?:${transitive}|${intransitive})\b`;
  }

  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    // The subject is the last clause before the verb, without an opening phrase of time or place:
    // "On 8 May 2020, a drug suspect was killed" -> "a drug suspect".
    const whole = match.groups?.subject ?? '';
    // A speech verb's object is a clause of its own: "Police said Ananta Das was murdered" -> "Ananta Das".
    const lastClause = (whole.split(/\b(?:and|when|that|while|as|after|where|said|says|say|told|added|confirmed|alleged|alleges)\s+/).at(-1) ?? whole).replace(OPENING_PHRASE, '');
    // Ages ("Rajaram Jha, 25,", "a 13-year-old boy") and unit numbers ("of 12 Assam Rifles") are not counts.
    const subject = lastClause.replace(/,\s*\d{1,3}\s*,|\b\d{1,3}[\s-]*years?[\s-]*old\b|\bof\s+(?:the\s+)?\d+(?:st|nd|rd|th)?\s+[A-Z][\w-]*/g, ' ');
    // "A man accused of stealing 11 goats": after a singular article only the head word can make the subject plural.
    const counted = /^(?:an?|one|another)\s/i.test(subject.trim()) ? COUNTED.test(subject.trim().split(/\s+/).slice(0, 2).join(' ')) : COUNTED.test(subject);
    if (!subject.trim() || counted || /\b(?:they|we|who|which)\s*$/i.test(subject) || NEGATED_SUBJECT.test(subject)) return null;
    // "Barely a month after a hoodlum was hacked to death": an earlier event told for context.
    if (EARLIER_EVENT_BEFORE.test(whole.slice(0, whole.lastIndexOf(lastClause)))) return null;
    const verb = match.groups?.verb ?? match.groups?.verb2 ?? '';
    // The victim's class is that of the last victim noun in the subject: "A police sergeant" is police.
    const victim = [...subject.matchAll(victimNoun)].at(-1)?.[0] ?? '';
    const finding = super.build(Object.assign(match, { groups: { num: 'one', verb: /died|succumb?ed|dead|death|alive|strangled/.test(verb) ? 'killed' : verb, victim, phrase: subject } }), sentence);
    if (!finding) return null;
    const start = sentence.start + match.indices.groups!.subject![0] + whole.lastIndexOf(lastClause);
    finding.evidence = { ...finding.evidence, start, text: sentence.text.slice(start - sentence.start, finding.evidence.end - sentence.start) };
    return finding;
  }
}
