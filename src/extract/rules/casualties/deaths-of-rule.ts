import { NUMBER } from '../../numbers.js';
import { MODIFIERS, VICTIM } from '../../vocabulary.js';
import { CasualtyRule } from './casualty-rule.js';

/** "the deaths of 12 people", "the killing of three farmers", "claimed 12 lives", "claimed the lives of five soldiers". */
export class DeathsOfRule extends CasualtyRule {
  readonly name = 'DeathsOfRule';
  protected pattern(): string {
    const counted = String.raw`\b(?:(?:deaths?|killings?|murders?)\s+of|claimed\s+(?:the\s+lives\s+of\s+)?|claiming\s+(?:the\s+lives\s+of\s+)?)\s*(?<num>${NUMBER})\s+(?:lives\b|${MODIFIERS}(?<victim>${VICTIM})\b)`;
    // "resulting in the death of a passer-by", "led to the death of the local": one person.
    const single = String.raw`\b(?:result(?:ed|ing|s)?\s+in|le(?:d|ading)\s+to|caus(?:ed|ing))\s+the\s+(?:death|killing)\s+of\s+(?<one>an?|the|one|\d{1,2}-year-old)\s+(?!(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b)(?:[\w'’-]+\s+){0,2}?(?<victim2>[\w'’-]*[^s\W])\b(?!\s+(?:and)\b)`;
    return String.raw`${counted}|${single}`;
  }

  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    const g = match.groups ?? {};
    if (g.one) match.groups = { num: 'one', victim: g.victim2 ?? '' };
    return super.build(match, sentence);
  }
}
