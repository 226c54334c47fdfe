// Base of every pattern rule: one regular expression, applied to each sentence, whose matches
// the rule turns into findings. Offsets are made absolute (into the clean text) here, once.
import type { Evidence } from '../../types.js';
import type { Sentence } from '../sentences.js';

export type Match = RegExpExecArray & { indices: Array<[number, number] | undefined> };

export abstract class PatternRule<T> {
  abstract readonly name: string;
  /** Case-insensitive by default; rules that rely on capitals (names) drop the `i`. */
  protected readonly flags: string = 'gid';
  /** A cheap test a sentence must pass before the pattern runs: most sentences hold nothing for most rules. */
  protected readonly prefilter: RegExp | null = null;
  private compiled: RegExp | undefined;

  /** The pattern, written for one sentence. Compiled once, case-insensitive, with group indices. */
  protected abstract pattern(): string;
  /** Turns one match into findings (none when the match turns out not to fit). */
  protected abstract build(match: Match, sentence: Sentence): T | T[] | null;

  apply(sentence: Sentence): T[] {
    if (this.prefilter && !this.prefilter.test(sentence.text)) return [];
    this.compiled ??= new RegExp(this.pattern(), this.flags);
    const found: T[] = [];
    for (const match of sentence.text.matchAll(this.compiled)) {
      const result = this.build(match as Match, sentence);
      if (Array.isArray(result)) found.push(...result);
      else if (result) found.push(result);
    }
    return found;
  }

  /** Evidence for group `group` of a match (0 = the whole match), with absolute offsets. */
  protected evidence(match: Match, sentence: Sentence, group = 0, note?: string): Evidence {
    const [from, to] = match.indices[group] ?? match.indices[0]!;
    return {
      start: sentence.start + from,
      end: sentence.start + to,
      text: sentence.text.slice(from, to),
      rule: this.name,
      ...(note ? { note } : {}),
    };
  }
}

/** Evidence for a whole sentence. */
export function sentenceEvidence(sentence: Sentence, rule: string): Evidence {
  return { start: sentence.start, end: sentence.end, text: sentence.text, rule };
}
