import { NUMBER, parseNumber } from '../../numbers.js';
import { ADVERBS, ROLE, VICTIM } from '../../vocabulary.js';
import type { ExtractLexicons } from '../../lexicons.js';
import { ANIMAL_PHRASE, CasualtyRule } from './casualty-rule.js';

const victimNoun = new RegExp(String.raw`\b(?:${VICTIM})\b`, 'gi');

/** Words that open a clause (a speech verb's object too: "police say two men were killed"), and a dateline's dash ("(Reuters) - "): the subject starts after the last of them. */
const CLAUSE_OPENERS = /(?:[;:]|["“]|(?:\)|\d{4})\s*[-–—]+\s|\b(?:when|(?<!\bwell\s)as(?!\s+well\b)|after|while|where|that|but|because|before|since|until|though|although|whereas|said|says|say|allege|alleges)\b)\s*/gi;
/** "On 8 May 2020, ", "In Barisal, ", "As a result of the shelling, ": openers of time, place or cause, not subjects. */
const OPENING_PHRASE = /^(?:(?:On|In|At|Around|Near|As reported on|Reported on|Late on|Early on|Meanwhile|Separately|Elsewhere|Later|Earlier|Due to|Following|During|Amid|(?:[Aa]s\s+)?a result of)\b[^,]*,\s+)+/;
/** A finite verb inside a stretch of text means it is a clause of its own, not part of the subject. */
const FINITE_VERB = /\b(?:was|were|is|are|has|have|had|did|said|says|opened|fired|attacked|hurled|threw|stormed|clashed|ambushed|raided|exploded|went|came|took|set|torched|blew|detonated|entered|launched|carried|claimed|told|added|arrested|reported|killed|injured|wounded|died|succumbed|retaliated|ensued|erupted|broke|began|continued|occurred|happened|escaped|fled|pounded|shelled|bombed|struck|hit|targeted|responded|returned|tried|started|allege|alleges|say|claim|claims)\b|\b[a-z]{3,}ed\s+(?:an?|the|their|his|her|its)\s/i;
const DATE_LIKE = /^\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i;
const DETERMINER = /^(?:an?|the|his|her|their|its|one|another|this|that)$/i;
const PRONOUN_SUBJECT = /^(?:he|she|they|it|we|who|which|both|all|others|some|many|several|most|none)$/i;
const MAX_SUBJECT_WORDS = 24;
/** The noun phrase before "who": "at the Imam, who", "two porters who". */
const RELATIVE_ANTECEDENT = /(?<=^|[\s,])(?:the|an?|his|her|their|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+[\w'’-]+(?:\s+[\w'’-]+){0,4}?(?=\s*,?\s*(?:who|which)\s*$)/i;
/** One person described before "who" opening the subject: "A man who ...", "The guard, who ...". */
const HEAD_WHO = /^(?<head>(?:an?|the|one)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s*,?\s+who\s/i;
/** A name before "who": "President Shantha Perera, who". */
const NAMED_ANTECEDENT = /(?<=^|[\s,])(?:[A-Z][\w'’.-]*\s+){1,5}[A-Z][\w'’.-]*(?=\s*,\s*who\s*$)/;
const isVictimNoun = new RegExp(String.raw`^(?:${VICTIM})$`, 'i');
const isPersonNoun = new RegExp(String.raw`^(?:${VICTIM}|${ROLE})$`, 'i');
/** Words for two people: "a couple", "the duo". */
const PAIR = /^(?:couple|duo|pair)$/i;
/** Asides inside a subject, whose words open no clause: brackets and relative clauses set off by commas. */
const ASIDE = /\([^)]*\)|\[[^\]]*\]|,\s*(?:who|which|whose)\b[^,]*,/g;
/**
 * A modifier after the head noun that runs on to the verb: "who were working on the bridge",
 * ", affiliated with the TTP", "believed to be involved in the attack", "travelling on a motorcycle",
 * "enforcing the sit-at-home order".
 * It stops at a new clause ("and two others", ";").
 */
const TRAILING_MODIFIER = new RegExp(
  String.raw`(?:,\s*|\s+)(?:who|which|whose|(?:believed|suspected|said|thought|reported)\s+to|(?:suspected|accused|convicted)\s+of|wanted\s+(?:for|in|by)|(?:involved|engaged)\s+in|(?:linked|affiliated|connected|associated)\s+(?:to|with)|(?:belonging|loyal)\s+to|with\s+(?:links|ties|connections)\s+to|(?:travelling|traveling|working|returning|riding|sitting|living|staying)\b|(?<=\b(?:${VICTIM})\s+)(?!(?:including|during|according|following|regarding|concerning|using|belonging)\b)[a-z]{3,}ing\b)(?:(?![;:]|\s+and\s+(?:an?|the|his|her|their|\d+|two|three|four|five|six|seven|eight|nine|ten)\b)[^])*$`,
  'i',
);
/** A clause of harm joined by "and" to a death with no subject of its own: "was hacked by rivals on Monday and (succumbed)". */
const HARMED_AND =
  /\s+(?<aux>was|were|(?:has|have|had)\s+been)\s+(?:\w+ly\s+)?(?:attacked|hacked|shot|stabbed|injured|wounded|beaten|assaulted|tortured|burnt|burned|chopped|hit)\b[^;:]*\band\s+(?:later\s+|then\s+|subsequently\s+)?$/i;
/** Ranges ("between 10 and 15", "three or four") are the numeric rules' business. */
const COUNT_WORD = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens)`;
const RANGE = new RegExp(String.raw`\bbetween\s+${COUNT_WORD}\b|\b${COUNT_WORD}\s*(?:or|to|-)\s*${COUNT_WORD}\b`, 'i');
/** A figure opening a conjunct, with its bound: "At least six suspected militants". */
const LEADING_FIGURE = new RegExp(String.raw`^(?:${NUMBER})(?=\s|$)`, 'i');

/**
 * Victims counted from the subject of a casualty verb, however long it is: "Two Central Reserve
 * Police Force (CRPF) personnel were killed", "The driver of a truck and his helper were killed",
 * "A polio worker, his driver and two Levies constables were kidnapped". Each conjunct counts its
 * figure, or one for a singular noun phrase; a conjunct it cannot count ("militants") drops the claim.
 */
export class SubjectCountRule extends CasualtyRule {
  readonly name = 'SubjectCountRule';
  /**
   * `lists` reads only subjects of two or more people ("A, B and two C"), which must win over the
   * rules that read the last figure alone; `any` reads every subject the other rules left.
   */
  constructor(
    lexicons: ExtractLexicons,
    private readonly subjects: 'lists' | 'any',
  ) {
    super(lexicons);
  }

  protected pattern(): string {
    const aux = String.raw`(?<aux>was|were|is|are|(?:has|have|had)(?:\s+\w+ly)?\s+been)\s+(?:(?:reported|believed|said|feared|confirmed|suspected|thought)\s+to\s+have\s+been\s+)?`;
    const transitive = String.raw`${aux}${ADVERBS}(?:(?:attacked|kidnapped|abducted|arrested|detained|captured|tortured|beaten|shot|picked up|targett?ed|ambushed|hacked|stabbed|chased|dragged out|taken|rushed|shifted)(?:\s+(?:by|to)\s+[^.;,]{1,40}?)?\s+and\s+(?:later\s+|then\s+|subsequently\s+)?)?(?<verb>killed|axed to death|shot dead|gunned down|shot and killed|shot to death|shot and died|beheaded|lynched|murdered|executed|hacked to death|chopped to death|clobbered to death|clubbed to death|bludgeoned to death|slaughtered|beaten to death|tortured to death|stabbed to death|burnt to death|burned to death|burnt alive|burned alive|strangled|found dead|declared dead|pronounced dead|confirmed dead|wounded|injured|hurt|abducted|kidnapped)`;
    // Adverbs before an intransitive verb stay in the subject ("A man later died"): a leading optional
    // group would be tried at every word of every sentence.
    const intransitive = String.raw`(?:(?:have|has|had)\s+)?(?<verb2>died|succumb?ed to (?:his|her|their) (?:injuries|wounds)|lost (?:his|her|their) li(?:fe|ves))`;
    return String.raw`(?<=\S\s+)\b(?:${transitive}|${intransitive})\b`;
  }

  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    // A subject is a few dozen words at most: a bounded window keeps long sentences linear.
    // "A man, who was injured in the blast, died": the verb of a relative clause is the main clause's business, when there is one.
    const relative = /\b(?:who|which)\s+$/i.test(sentence.text.slice(Math.max(0, match.index - 10), match.index));
    if (relative && /\b(?:died|killed|succumbed|dead)\b/i.test(sentence.text.slice(match.index + match[0].length))) return null;
    const windowStart = Math.max(0, match.index - 400);
    // The subject ends at its head: "20 labourers who were working on the bridge were killed" -> "20 labourers".
    const text = sentence.text.slice(windowStart, match.index);
    let before = text.replace(TRAILING_MODIFIER, '');
    let aux = match.groups?.aux ?? null;
    // "A leader was hacked by rivals on Monday and succumbed to his injuries": the subject of the clause before "and".
    const harmed = match.groups?.verb2 && /\band\s+(?:later\s+|then\s+|subsequently\s+)?$/i.test(before) ? HARMED_AND.exec(before) : null;
    if (harmed) {
      before = before.slice(0, harmed.index);
      aux = harmed.groups!.aux!;
    }
    // "fired at the Imam, who was later pronounced dead": a relative clause's subject is the noun phrase it follows.
    // "injuries including President Shantha Perera, who succumbed to his injuries": a name before "who" is the one who died.
    const antecedent = relative ? (match.groups?.aux ? RELATIVE_ANTECEDENT.exec(text) : NAMED_ANTECEDENT.exec(text)) : null;
    const subjectStart = windowStart + (antecedent ? antecedent.index + antecedent[0].length - antecedent[0].trimStart().length : subjectStartIn(before.replace(ASIDE, (aside) => ' '.repeat(aside.length))));
    const raw = sentence.text.slice(subjectStart, windowStart + before.length);
    // "A man who received injuries to the head and a leg in the attack died": the relative clause, "and" and all, is the man's.
    const subject = (match.groups?.verb2 ? HEAD_WHO.exec(raw.trimStart())?.groups?.head : undefined) ?? raw;
    const figure = countSubject(subject, aux, this.subjects === 'lists');
    if (!figure) return null;
    const verb = match.groups?.verb ?? match.groups?.verb2 ?? '';
    const measureVerb = /died|succumb?ed|lost|dead|alive|strangled/.test(verb) ? 'killed' : verb;
    const victim = [...subject.matchAll(victimNoun)].at(-1)?.[0] ?? '';
    const finding = super.build(Object.assign(match, { groups: { num: figure, verb: measureVerb, victim, phrase: subject } }), sentence);
    if (!finding) return null;
    const start = sentence.start + subjectStart + (raw.length - raw.trimStart().length);
    finding.evidence = { ...finding.evidence, start, text: sentence.text.slice(start - sentence.start, finding.evidence.end - sentence.start) };
    return finding;
  }
}

/** A finite verb in a stretch of text, asides and acronyms ("IS", "HAS") left out. */
function hasFiniteVerb(text: string): boolean {
  return FINITE_VERB.test(withoutAsides(text).replace(/\b[A-Z]{2,}\b/g, 'X'));
}

/** Where the subject before the verb starts: after the last clause opener, and after a clause with its own verb. */
function subjectStartIn(before: string): number {
  let start = 0;
  for (const opener of before.matchAll(CLAUSE_OPENERS)) start = opener.index + opener[0].length;
  start += OPENING_PHRASE.exec(before.slice(start))?.[0].length ?? 0;
  // "Gunmen opened fire and a man was killed": the subject is what follows the last clause's "and".
  const parts = before.slice(start).split(/(\s+and\s+)/);
  let kept = parts.length;
  for (let k = parts.length - 1; k >= 0; k -= 2) {
    const part = parts[k] as string;
    if (hasFiniteVerb(part)) {
      // "As troops advanced on the town, 5 soldiers": the list starts after the comma that ends the clause.
      for (const comma of part.matchAll(/,/g)) {
        const rest = part.slice(comma.index + 1);
        if (rest.trim() && !hasFiniteVerb(rest)) return start + parts.slice(0, k).join('').length + comma.index + 1;
      }
      break;
    }
    kept = k;
  }
  return start + parts.slice(0, kept).join('').length;
}

/** An age, in figures or words: "28-year-old", "28 years old", "five-year-old", "twenty-five-year-old". */
const AGE = String.raw`(?:\d{1,3}[\s-]*|[a-z]+(?:-[a-z]+)?-)years?[\s-]*old\b`;

/** Brackets, ages and relative clauses are asides, not conjuncts: "(CRPF)", ", 45,", ", who was shot at in Kolhapur,". */
function withoutAsides(text: string): string {
  return text
    // "28-year-old youth": an age opening a noun phrase stands for its article.
    .replace(new RegExp(String.raw`(^|,\s*|\band\s+)${AGE}`, 'gi'), '$1a')
    .replace(/\([^)]*\)|\[[^\]]*\]|\s+(?:alias|aka)\s+[^\s,]+/gi, ' ')
    // "two civilians – a woman and a man –": an aside between dashes names the same victims again.
    .replace(/\s[–—]\s[^–—]*\s[–—](?=\s|$)/g, ' ')
    .replace(/,\s*(?:who|which|whose)\b[^,]*,/gi, ' ')
    // "Nadim Khan, 31, a trader": the age goes, the comma before an apposition stays.
    .replace(/,\s*\d{1,3}\s*,(?=\s*(?:an?|the)\s)/g, ',')
    .replace(new RegExp(String.raw`,\s*\d{1,3}\s*(?:,|$)|\b${AGE}`, 'gi'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The figure a noun phrase of victims names ("a senior police official, DSP Ali", "two people"), as
 * text for parseNumber; with `listsOnly`, only for two or more people named apart ("a father, his wife and their son").
 */
export function countVictims(phrase: string, listsOnly = false): string | null {
  return countSubject(phrase, null, listsOnly);
}

/** The figure a subject names, as text for parseNumber ("2", "at least six"), or null when it cannot be counted. */
function countSubject(raw: string, aux: string | null, listsOnly: boolean): string | null {
  // "20 militants belonging to the TTP, including 3 suicide bombers": the head counts; the part is IncludingVictimsRule's.
  // "15 TTP and other militants": one group, named twice.
  const subject = withoutAsides(raw.split(/,?\s+(?:including|among them)\b/i)[0] as string)
    .replace(/,$/, '')
    // "A total of 17 militants", "All four soldiers": the count is the figure after.
    .replace(/^(?:an?\s+total\s+of|the\s+total\s+of|all(?:\s+of)?(?:\s+the)?)\s+(?=\S)/i, '')
    .replace(/\s+and\s+other\s+/gi, ' ');
  const words = subject.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > MAX_SUBJECT_WORDS || ANIMAL_PHRASE.test(subject) || /\b(?:of whom|each)\b/i.test(subject) || RANGE.test(subject)) return null;
  // "Both were killed", "the two died", "all three of them": a pair or a number standing for people told before.
  const pair = /^(?:both(?:\s+of\s+them)?|the\s+two(?:\s+of\s+them)?)$/i.test(subject) ? '2' : (/^all\s+(\w+)(?:\s+of\s+them)?$/i.exec(subject)?.[1] ?? null);
  if (pair && parseNumber(pair)) return pair;
  if ((words.length === 1 && PRONOUN_SUBJECT.test(words[0] as string)) || /^(?:no|none|nobody|neither)$/i.test(words[0] as string)) return null;
  // Read backwards from the verb: the subject starts after the last stretch that names nobody.
  const conjuncts = subject.split(/(,?\s+(?:along|together) with\s+|,?\s+as well as\s+|,\s*(?:and\s+)?|\s+and\s+(?!\p{Lu}))/u);
  let total = 0;
  let counted = 0;
  let bounded: string | null = null;
  const joinedByComma = (joiner: string | undefined) => joiner !== undefined && /^,\s*$/.test(joiner);
  for (let k = conjuncts.length - 1; k >= 0; k -= 2) {
    const conjunct = (conjuncts[k] as string).trim();
    // "killed four commanders, three who were identified": a bare figure after a comma is a part of the group before it.
    if (k > 0 && joinedByComma(conjuncts[k - 1]) && LEADING_FIGURE.exec(conjunct)?.[0] === conjunct) continue;
    const count = countConjunct(conjunct);
    // "10 TTP militants as well as foreigners": an uncounted addition leaves the counted figure a floor.
    if (count === null && /^,?\s+(?:as well as|along with|together with)\s+$/.test(conjuncts[k - 1] ?? '')) continue;
    if (count === null) {
      if (counted === 0) return null;
      break;
    }
    // A name set off by commas renames the person before it or names a place ("a driver, Nur Hossain,"; "Tirah Valley, two soldiers").
    if (count === 'name' && conjuncts.length > 1 && (joinedByComma(conjuncts[k - 1]) || joinedByComma(conjuncts[k + 1]))) continue;
    if (typeof count === 'object') bounded = count.phrase;
    total += count === 'name' ? 1 : typeof count === 'object' ? count.low : count;
    counted++;
  }
  if (listsOnly && counted < 2) return null;
  const singular = aux !== null && /^(?:was|is|has(?: \w+ly)? been)$/.test(aux.replace(/\s+/g, ' '));
  // "The commander, along with three other militants, was killed": the verb agrees with the first, the toll counts all.
  const accompanied = conjuncts.some((joiner, k) => k % 2 === 1 && /\b(?:along|together) with\b/.test(joiner));
  if (singular && !accompanied) return total >= 1 ? '1' : null;
  // "died" may be singular or plural; "were killed" needs at least two.
  if ((aux !== null && total < 2) || total === 0) return null;
  return counted === 1 && bounded ? bounded : String(total);
}

/** One conjunct's count: a figure (with its bound when it has one), a bare name, or null. */
function countConjunct(conjunct: string): number | { low: number; phrase: string } | 'name' | null {
  const words = conjunct.split(/\s+/).filter(Boolean);
  const [first, second] = words;
  // "12 May 2020": a date, not a count.
  if (!first || hasFiniteVerb(conjunct) || DATE_LIKE.test(conjunct)) return null;
  const lead = LEADING_FIGURE.exec(conjunct)?.[0];
  // "10 people, two of them children", "four commanders, three who were identified": a part of the group before, not more victims.
  if (lead && /^\s+(?:of\s+(?:them|whom|those)|who|whom|with|among)\b/i.test(conjunct.slice(lead.length))) return null;
  const figure = lead ? parseNumber(lead) : null;
  // "an unknown number of herders": a conjunct with no count leaves the list uncounted.
  if (figure?.vagueWord) return null;
  if (figure && !figure.vagueWord && figure.low === figure.high) return figure.qualifier === 'exact' ? figure.low : { low: figure.low, phrase: lead as string };
  // "a commander of the group, the Biafra Nations League": a name with its article renames what it follows.
  if (/^the$/i.test(first) && words.length >= 2 && words.slice(1).every((w) => /^\p{Lu}/u.test(w) || /^(?:of|and|for|the)$/.test(w))) return 'name';
  if (DETERMINER.test(first)) {
    const counted = second ? parseNumber(second) : null;
    if (counted && counted.low === counted.high && !counted.vagueWord) return counted.low;
    if (PAIR.test(second ?? '')) return 2;
    // The head noun comes before "of": "The driver of a truck" is one, "the relatives of a man" are not.
    const head = (conjunct.split(/\s+of\s+/i)[0] as string).split(/\s+/).at(-1) ?? '';
    // "The security forces retaliated": a verb, not a head noun, ends the phrase.
    if (/ed$/i.test(head)) return null;
    return /^(?:an?|one|another|this|that)$/i.test(first) || !/[^s]s$/i.test(head) ? 1 : null;
  }
  if (words.every((w) => /^\p{Lu}/u.test(w) || /^(?:bin|ibn|al|el|de|alias|aka|and)$/i.test(w))) return 'name';
  // "A senior officer and soldier of the army": a bare singular victim noun after "and" is one more person.
  // "shot dead a couple, mother, and her son": a bare role word in a list is one more person too.
  if (isPersonNoun.test(first) && !/[^s]s$/i.test(first) && /^[a-z]/.test(first)) return 1;
  // "ASWJ leader Dr Mohammad Fayyaz": a title before a name is one person.
  if (words.length >= 3 && /^\p{Lu}/u.test(first) && /^\p{Lu}/u.test(words.at(-1) as string) && /^\p{Lu}/u.test(words.at(-2) as string)) return 1;
  // "BJP district leader of Sylhet": a name's word before a singular victim noun is one person.
  const head = (conjunct.split(/\s+of\s+/i)[0] as string).split(/\s+/).at(-1) ?? '';
  if (words.length >= 2 && /^\p{Lu}/u.test(first) && isVictimNoun.test(head) && !/[^s]s$/i.test(head)) return 1;
  return null;
}
