// The two kinds of cleaning rule. Each rule is one small named unit; configuration.ts lists them in order.
import type { Element } from '../dom.js';

export interface Removal {
  text: string;
  rule: string;
}

/** Decides about one HTML element before its text is read. */
export interface ElementRule {
  readonly name: string;
  /** `drop`: the element is page furniture; `caption`: its text goes to the captions. */
  readonly action: 'drop' | 'caption';
  matches(element: Element): boolean;
}

/** One paragraph of the report. Rules mark lines instead of deleting them, so later rules can see where a promo block was. */
export interface Line {
  text: string;
  removedAs: 'promo' | 'caption' | null;
}

/** What the line rules work on and report into. */
export class LineState {
  readonly captions: string[] = [];
  readonly removed: Removal[] = [];
  readonly lines: Line[];

  constructor(texts: string[]) {
    this.lines = texts.map((text) => ({ text, removedAs: null }));
  }

  get kept(): Line[] {
    return this.lines.filter((line) => line.removedAs === null);
  }

  remove(line: Line, rule: string): void {
    line.removedAs = 'promo';
    this.removed.push({ text: line.text, rule });
  }

  moveToCaptions(line: Line, rule: string): void {
    line.removedAs = 'caption';
    this.captions.push(line.text);
    this.removed.push({ text: line.text, rule });
  }

  /** Keeps `rest` of a line whose other part, `cut`, was furniture. */
  cut(line: Line, cut: string, rest: string, rule: string): void {
    line.text = rest;
    this.removed.push({ text: cut, rule });
  }
}

/** Reads the lines of a report and removes, moves or trims the furniture among them. */
export interface LineRule {
  readonly name: string;
  apply(state: LineState): void;
}
