// Shared shape of the casualty rules: each pattern has named groups `num` (the figure),
// optionally `victim` (the victim noun) and `verb` (the casualty word).
import { alternation, lexiconRows } from '../../lexicon.js';
import { parseNumber } from '../../numbers.js';
import type { Sentence } from '../../sentences.js';
import type { CasualtyFinding } from '../../types.js';
import { measureOf, phraseVictimClass } from '../../vocabulary.js';
import { PatternRule, type Match } from '../pattern-rule.js';
import type { ExtractLexicons } from '../../lexicons.js';
import type { Measure } from '../../../types.js';

/** An intention or a failed attempt before the verb. */
export const UNREALISED_BEFORE = /\b(?:attempt(?:ed|ing|s)?|tr(?:ied|ying|ies|y)|plan(?:ned|ning|s)?|threaten(?:ed|ing|s)?|plott?(?:ed|ing)?|vow(?:ed|ing)?|intend(?:ed|ing)?|wanted|sought|fail(?:ed|ing))\s+to\s+$/i;
/** "accused of killing two", "responsible for the killing of several": an earlier crime laid at someone's door, not this incident's toll. */
export const ACCUSED_BEFORE = /\b(?:accused\s+of|suspected\s+of|charged\s+with|convicted\s+of|responsible\s+for|wanted\s+for|blamed\s+for|involved\s+in)\s+(?:the\s+)?$/i;
/**
 * An earlier event told for context: "following an earlier shooting in which a boy was killed", "a recent string
 * of attacks that had killed nine", "January's bombing which killed 60", "two months after their feud left a student dead".
 */
export const EARLIER_EVENT_BEFORE =
  /(?:\b(?:earlier|previous|prior|recent|last\s+(?:week|month|year)|(?:january|february|march|april|may|june|july|august|september|october|november|december)['’\u0092]?s|string\s+of|series\s+of)\b[^.;:]{0,80}\b(?:that|which|who|in\s+which|where)\s+(?:had\s+)?|\b(?:days|weeks|months|years|(?:a|one|barely a|just a)\s+(?:day|week|month|year))\s+after\b[^.;:]{0,40})$/i;
/** "... came after militants killed 10 soldiers ... earlier that day". */
const EARLIER_AFTER = /^[^.;:]{0,60}\bearlier\s+(?:that|the same|this|in the)\b/i;
/** Between a vague figure and its verb, only words that name no one else: "several were killed", "many of them died". */
const NOTHING_BUT_VERB = /^[\s,]*(?:of\b)?[\s,]*(?:(?:them|those|others)\b)?[\s,]*(?:(?:were|was|are|is|have|has|had|been|being)\s+)*(?:\w+ly\s+)*$/i;
/** "killed, injured or captured": the figure is a mix of outcomes. */
const EITHER_OR_AFTER = /^(?:\s*,\s*[a-z]+)*\s+or\s+(?:injured|wounded|captured|arrested|detained|abducted)\b/i;
/** "lost his life in a mishap", "died in a road accident": no violence, no conflict death. */
const ACCIDENT_AFTER = /^\s*(?:in|during)\s+an?\s+(?:[\w-]+\s+){0,2}?(?:mishap|accident)\b/i;
const AGE_AFTER = /^[\s-]*(?:years?|yrs?)[\s-]*old\b/i;
/** "killed 15 livestock", "40 head of cattle": animals lost, no human toll (data/lexicons/animals.txt). */
const ANIMAL = alternation(lexiconRows('animals.txt').map(([w]) => w!));
/** The animal must be the head noun: "cattle traders" are people. */
const ANIMAL_HEAD = String.raw`(?:${ANIMAL})\b(?=\s*(?:[,.;:)]|$)|\s+(?:and|or|in|at|on|from|near|were|was|belonging|worth|while|as|during|before|after|to|into|by|of)\b)`;
const ANIMALS_AFTER = new RegExp(String.raw`^\s+(?:head\s+of\s+)?(?:[\w-]+\s+)?${ANIMAL_HEAD}`, 'i');
/** A phrase whose head noun is an animal ("40 head of cattle"). */
export const ANIMAL_PHRASE = new RegExp(String.raw`\b(?:${ANIMAL})\s*$`, 'i');

/** Word stems every casualty phrase holds one of. */
export const CASUALTY_CUE = /kill|dead|death|died|injur|wound|hurt|missing|abduct|kidnap|hostage|fatalit|casualt|lives|toll|bod(?:y|ies)|corpse|remains|slain|slew|blew|massacre|execut|murder|behead|lynch|perish|shot|gun|stabb|hacked|chopped|beat|burn|strangl|succum|strike|raid|sortie|assassinat|slaughter|clobber|bludgeon|eliminat/i;

export abstract class CasualtyRule extends PatternRule<CasualtyFinding> {
  constructor(protected readonly lexicons: ExtractLexicons) {
    super();
  }

  protected override readonly prefilter: RegExp | null = CASUALTY_CUE;
  /** Measure when the pattern has no `verb` group. */
  protected defaultMeasure: Measure = 'killed';
  protected partOfPrevious = false;

  protected build(match: Match, sentence: Sentence): CasualtyFinding | null {
    const groups = match.groups ?? {};
    let figure = parseNumber(groups.num ?? '');
    if (!figure) return null;
    // "4 TTP and LI militants": two groups' names; "soldiers and civilians" is no such pair.
    if (groups.groups && !/^\p{Lu}/u.test(groups.groups)) return null;
    // "a 13-year-old girl was killed": the number is an age, the victim is one person.
    const [numStart, numEnd] = match.indices.groups?.num ?? [0, 0];
    if (AGE_AFTER.test(sentence.text.slice(numEnd))) figure = { low: 1, high: 1, qualifier: 'exact', vagueWord: null };
    if (ANIMALS_AFTER.test(sentence.text.slice(numEnd, numEnd + 40))) return null;
    // "One JCO of 12 Assam Rifles died": a number in a unit's name is no count.
    // "attempted to kill a commander", "were killed, injured or captured": no death is stated.
    const textBefore = sentence.text.slice(Math.max(0, match.index - 60), match.index);
    const clauseBefore = sentence.text.slice(Math.max(0, match.index - 140), match.index);
    if (EARLIER_EVENT_BEFORE.test(clauseBefore)) return null;
    if (/\b(?:after|following)\b[^.;:]{0,40}$/i.test(clauseBefore) && EARLIER_AFTER.test(sentence.text.slice(match.index + match[0].length))) return null;
    const textAfter = sentence.text.slice(match.index + match[0].length, match.index + match[0].length + 60);
    if (UNREALISED_BEFORE.test(textBefore) || ACCUSED_BEFORE.test(textBefore) || EITHER_OR_AFTER.test(textAfter) || ACCIDENT_AFTER.test(textAfter)) return null;
    // "several political parties were killed" is no reading: a vague figure before its verb needs a victim noun.
    const verbStart = match.indices.groups?.verb?.[0];
    if (figure.vagueWord && !groups.victim && verbStart !== undefined && verbStart > numEnd && !NOTHING_BUT_VERB.test(sentence.text.slice(numEnd, verbStart))) return null;
    // "20 militants, including 3 bombers were killed": the part is no total (IncludingVictimsRule reads parts).
    if (!this.partOfPrevious && /\b(?:including|among them|among whom|of whom)\s+$/i.test(sentence.text.slice(Math.max(0, numStart - 20), numStart))) return null;
    // "No one was killed": a negated figure is no figure (NoCasualtiesRule reads the zero).
    if (/\b(?:no|not a single|not even)\s+$/i.test(sentence.text.slice(0, numStart))) return null;
    if (/\d/.test(groups.num ?? '') && /\bof\s+(?:the\s+)?$/i.test(sentence.text.slice(0, numStart)) && /^\s+[A-Z]/.test(sentence.text.slice(numEnd))) return null;
    return {
      measure: groups.verb ? measureOf(groups.verb) : this.defaultMeasure,
      victims: phraseVictimClass(groups.phrase ?? match[0].slice(0, Math.max(0, (match.indices.groups?.verb?.[0] ?? match[0].length) - match.index)), groups.victim, this.lexicons.armedGroupNamed),
      figure,
      evidence: this.evidence(match, sentence),
      sentence,
      partOfPrevious: this.partOfPrevious,
    };
  }
}
