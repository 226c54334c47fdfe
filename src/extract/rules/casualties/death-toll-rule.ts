import { NUMBER, parseNumber } from '../../numbers.js';
import { CasualtyRule } from './casualty-rule.js';
import { countVictims } from './subject-count-rule.js';

/**
 * "the death toll rose to 45", "a death toll of 12", "the toll has climbed to 30", "raising the death toll to 9", "the number
 * was raised to 16" after deaths, and a coder's own
 * figure: "fatalities coded as 3", "(coded as 10)", or a sentence that is nothing but a tally ("3 fatalities.",
 * "Total fatalities 2.").
 */
export class DeathTollRule extends CasualtyRule {
  readonly name = 'DeathTollRule';

  protected override build(...[match, sentence]: Parameters<CasualtyRule['build']>) {
    // "the number was raised to 16" is a toll only after deaths told in its sentence.
    if (match.groups?.number && !/\b(?:dead|killed|died|deaths)\b/i.test(sentence.text.slice(0, match.index))) return null;
    const coded = match.groups?.coded ?? match.groups?.tally ?? match.groups?.total;
    if (coded) match.groups = { ...match.groups, num: coded };
    const finding = super.build(match, sentence);
    // "stand at 5 militia troops and one rebel": a toll given as a list counts the list.
    const [numStart] = match.indices.groups?.num ?? [];
    if (finding && !coded && numStart !== undefined) {
      const list = countVictims(/^[^.;:(]*/.exec(sentence.text.slice(numStart))![0].trim(), true);
      const listed = list ? parseNumber(list) : null;
      if (listed && listed.low > finding.figure.low) finding.figure = listed;
    }
    return finding;
  }

  protected override readonly prefilter = /toll|coded|fatalit|number\s+(?:was|has|had)\b|number\s+of/i;
  protected pattern(): string {
    const coded = String.raw`(?:\bfatalities\s+(?:and\s+injuries\s+)?(?:were\s+)?|\(\s*)coded\s+(?:as|to|at)\s+(?<coded>${NUMBER})`;
    // "Current estimates of fatalities stand at 5 militia troops and one rebel", "fatalities range from 1 to 2".
    // "Between 11 and 14 thought dead, though the number was eventually raised to sixteen": "the number" of the dead just told.
    const tollWord = String.raw`(?:(?:death|casualty|fatality|civilian death)?\s*toll|(?:estimates?|number|count)\s+of\s+(?:fatalities|deaths|the dead)|fatalities|(?<number>number)(?=\s+(?:was|has been|had been)\s))`;
    // "raising the death toll from the incident to two", "bringing the toll to 12", "bringing the number of protesters killed since the coup to 90": the verb before the toll.
    const raised = String.raw`(?:rais(?:ed|ing|es)|bring(?:ing|s)?|brought|push(?:ed|ing|es)|tak(?:ing|es)|took)\s+the\s+(?:(?:death|casualty|fatality)\s+)?(?:toll|(?:total\s+)?number\s+of\s+(?:[\w-]+\s+){0,2}?(?:killed|dead|deaths|martyrs|victims|fatalities))\s+(?:[\w'’-]+\s+){0,8}?to\s+`;
    const toll = String.raw`\b(?:${raised}|(?:death|casualty|fatality|civilian death)?\s*toll\s+(?:of|at)\s+|${tollWord}\s+(?:[\w'’-]+\s+){0,10}?(?:rose|risen|climbed|increased|reached|jumped|stood|stand|stands|is|was|has risen|went up|range|ranges|ranged|ranging|raised|revised|updated)\s+(?:to\s+|at\s+|from\s+)?)(?<num>${NUMBER})`;
    // A sentence that is nothing but a tally: "3 fatalities.", "Total fatalities 2."
    const tally = String.raw`^(?:(?<tally>${NUMBER})\s+fatalit(?:y|ies)|total\s+fatalit(?:y|ies):?\s+(?<total>${NUMBER}))\.?$`;
    return String.raw`${tally}|(?:${coded}|${toll})\b`;
  }
}
