// Running tallies apart from the event's toll. "SOHR has documented 110 attacks ... since early
// 2022. According to SOHR statistics, these attacks left 87 persons dead": the 87 are a count
// over a period, kept as a tally of the report; the event the article reports killed one boy.
import type { Sentence } from '../sentences.js';
import type { CasualtyFinding, TallyCueFinding, TallyFinding } from '../types.js';

/** Where a tally counts: "in areas under the control of the Autonomous Administration", "in Daraa province". */
const SCOPE = /\bin (?:the )?(?:areas?|regions?|territor(?:y|ies)|parts?) (?:under the control of|controlled by|held by|of) (?:(?!since\b|in \d{4}|during\b)[^,.;:]){3,80}|\bin (?:the )?(?:[A-Z][\w'’-]+\s+){1,3}(?:province|governorate|region|camp|state|district|countryside)\b/;

export interface TallySplit {
  /** Figures of events. */
  casualties: CasualtyFinding[];
  tallies: TallyFinding[];
  /** Sentences that only count over a period: background to every incident of the report. */
  sentences: Set<number>;
}

export const TallyRefiner = {
  name: 'TallyRefiner',
  split(casualties: CasualtyFinding[], cues: TallyCueFinding[], sentences: Sentence[]): TallySplit {
    const cuesBySentence = new Map<number, TallyCueFinding[]>();
    for (const cue of cues) cuesBySentence.set(cue.sentence.index, [...(cuesBySentence.get(cue.sentence.index) ?? []), cue]);
    const tallySentences = new Set<number>();
    /** The period of the last tally, which a sentence that refers back to it shares. */
    let lastPeriod: { index: number; period: string | null } | null = null;
    /** A tally's list being read: the last sentence of it so far. */
    let list: { previous: number } | null = null;
    for (const sentence of sentences) {
      const here = cuesBySentence.get(sentence.index) ?? [];
      const refersBack: boolean = here.some((c) => c.kind === 'refers') && lastPeriod !== null && sentence.index - lastPeriod.index <= 2;
      const counts = here.some((c) => c.kind === 'period' || c.kind === 'total');
      // "... has risen to 319; and they are as follows:" then "• 140 ISIS members": the list itemises the tally.
      const listed: boolean = list !== null && isListItem(sentence, sentences, list.previous);
      if (listed) {
        tallySentences.add(sentence.index);
        list!.previous = sentence.index;
        continue;
      }
      list = null;
      if (counts || refersBack) {
        tallySentences.add(sentence.index);
        lastPeriod = { index: sentence.index, period: here.find((c) => c.kind === 'period')?.evidence.text ?? (refersBack ? lastPeriod!.period : null) };
        if (listIntro(sentence)) list = { previous: sentence.index };
      }
    }

    const tallies: TallyFinding[] = [];
    const kept: CasualtyFinding[] = [];
    for (const finding of casualties) {
      const here = cuesBySentence.get(finding.sentence.index) ?? [];
      const after = here.find((c) => c.kind === 'after' && c.evidence.end <= finding.evidence.start);
      const whole = tallySentences.has(finding.sentence.index) && !beforeAClauseOfItsOwn(finding, here);
      if (!after && !whole) {
        kept.push(finding);
        continue;
      }
      const period = here.find((c) => c.kind === 'period')?.evidence.text ?? (whole ? periodOfSentence(finding.sentence.index) : null);
      const scope = SCOPE.exec(finding.sentence.text)?.[0].trim() ?? (whole ? scopeOfSentence(finding.sentence.index) : null);
      tallies.push({ ...finding, period, scope, cue: (after ?? here[0] ?? null)?.evidence ?? null });
    }
    // A sentence that still tells an event's figure is no mere tally.
    for (const finding of kept) tallySentences.delete(finding.sentence.index);
    return { casualties: kept, tallies, sentences: tallySentences };

    /** The scope of the tally a sentence goes on counting ("these attacks left 87 dead" after "... in areas under the control of ..."). */
    function scopeOfSentence(index: number): string | null {
      for (let i = index - 1; i >= Math.max(0, index - 2); i--) {
        const sentence = sentences.find((s) => s.index === i);
        const scope = sentence && tallySentences.has(i) ? SCOPE.exec(sentence.text)?.[0].trim() : undefined;
        if (scope) return scope;
      }
      return null;
    }

    function periodOfSentence(index: number): string | null {
      for (let i = index; i >= Math.max(0, index - 2); i--) {
        const period = cuesBySentence.get(i)?.find((c) => c.kind === 'period');
        if (period) return period.evidence.text;
      }
      return null;
    }
  },
};

/** A tally sentence that introduces a list: "... and they are as follows:". */
function listIntro(sentence: Sentence): boolean {
  return /:\s*$/.test(sentence.text) || /\bas follows\b/i.test(sentence.text);
}

/** The next item of a list: a bulleted or short line, in the paragraph after the last one read, alone in it. */
function isListItem(sentence: Sentence, sentences: Sentence[], previousIndex: number): boolean {
  const previous = sentences.find((s) => s.index === previousIndex)!;
  const onItsOwn = sentence.paragraph === previous.paragraph + 1 && sentences.filter((s) => s.paragraph === sentence.paragraph).length === 1;
  return onItsOwn && (/^[-•*–·▪]/.test(sentence.text) || sentence.text.split(/\s+/).length <= 12);
}

/**
 * "Gunmen killed three soldiers on Monday, the deadliest attack since January": a figure told
 * before the tally's words, in a clause of its own, is the event's.
 */
function beforeAClauseOfItsOwn(finding: CasualtyFinding, cues: TallyCueFinding[]): boolean {
  const first = cues.filter((c) => c.kind === 'period' || c.kind === 'total').sort((a, b) => a.evidence.start - b.evidence.start)[0];
  if (!first || finding.evidence.end > first.evidence.start) return false;
  const between = finding.sentence.text.slice(finding.evidence.end - finding.sentence.start, first.evidence.start - finding.sentence.start);
  return /[,;:–—]/.test(between);
}
