import { NUMBER } from '../../numbers.js';
import { MODIFIERS, VICTIM } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';
import { countVictims } from './subject-count-rule.js';

/** Where the victims after "the death of" end: a preposition, a clause word, or punctuation ("and" may join them). */
const LIST_END = String.raw`(?=\s+(?:in|at|on|near|outside|inside|after|before|over|for|while|as|by|during|when|from|who|whom|which|that|was|were)\b|\s+and\s+(?:the\s+)?(?:wound|injur|captur|arrest|abduct|kidnap|disappear)\w*|\s*,\s+(?!and\b|(?:an?|the|his|her|their|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b)|\s*[.;:(]|$)`;
const CAUSE_BEFORE = /\b(?:over|against|for|about|into|discuss|protest\w*|condemn\w*|mourn\w*|probe|investigat\w*|revenge|retaliation)\s+(?:the\s+)?(?:alleged\s+|recent\s+|brutal\s+)?$/i;
/** "The murders of two masons ... triggered a storm of protest": the deaths are what the protest is about. */
const SPARKED_AFTER = /^[^.;]{0,80}?\b(?:triggered|sparked|prompted|provoked)\b[^.;]{0,40}?\b(?:protest\w*|demonstrations?|outrage|riots?|agitation|unrest)\b/i;
const leadingCount = new RegExp(String.raw`^(${NUMBER})\s+${MODIFIERS}(${VICTIM})\b`, 'i');

/**
 * "the deaths of 12 people", "the killing of three farmers", "claimed 12 lives", "claimed the lives of five soldiers",
 * and victims named or listed: "the killing of MPA Rana Shamshad and his son", "the death of 3 militants and 4 soldiers".
 */
export class DeathsOfRule extends CasualtyRule {
  readonly name = 'DeathsOfRule';
  protected pattern(): string {
    const counted = String.raw`\b(?:(?:deaths?|killings?|murders?)\s+of|claimed\s+(?:the\s+lives\s+of\s+)?|claiming\s+(?:the\s+lives\s+of\s+)?)\s*(?<num>${NUMBER})\s+(?:lives\b|${MODIFIERS}(?<victim>${VICTIM})\b)`;
    // The event itself, not a grievance about it: "resulting in the death of a passer-by", "led to the death of X and 19 others",
    // "claimed responsibility for the killing of MPA Rana Shamshad and his son".
    // "SOHR activists have documented the death of a regime soldier": a monitor's record of a death is its report.
    const listed = String.raw`\b(?:result(?:ed|ing|s)?\s+in|le(?:d|ading)\s+to|caus(?:ed|ing)|claim(?:ed|ing|s)?\s+responsibility\s+for|(?:have|has|had)\s+(?:documented|recorded|confirmed|reported)|documented|recorded|confirmed|announced)\s+the\s+(?:[\w-]+\s+)?(?:deaths?|killings?|murders?|assassinations?|executions?)\s+of\s+(?<listed>(?:an?|the|his|her|their|one|two|three|four|five|six|seven|eight|nine|ten|\d+|[A-Z])[^.;:]{0,100}?)${LIST_END}`;
    return String.raw`${listed}|${counted}`;
  }

  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    const g = match.groups ?? {};
    // "lynched over the deaths of two students", "met to discuss the killing of 51 civilians": the deaths are a cause, told elsewhere.
    if (g.listed === undefined && CAUSE_BEFORE.test(sentence.text.slice(Math.max(0, match.index - 40), match.index))) return null;
    if (SPARKED_AFTER.test(sentence.text.slice(match.index + match[0].length))) return null;
    if (g.listed !== undefined) {
      const phrase = g.listed.replace(/[,\s]+$/, '');
      const listed = countVictims(phrase);
      const lead = listed ? null : leadingCount.exec(phrase);
      const num = listed ?? lead?.[1];
      if (!num) return null;
      match.groups = { num, victim: lead?.[2] ?? '', phrase };
    }
    return super.build(match, sentence);
  }
}
