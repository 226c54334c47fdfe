// htmlparser2's Parser, in linear time. The Parser keeps its open elements in an array whose
// top is at [0]: every open tag is an `unshift` and every unmatched close tag an `indexOf`
// over the whole depth, so 400,000 unclosed `<item>`s (2.4 MB) took 76 s and 400,000 `<div>`s
// with as many stray `</span>`s six minutes. Here the same stacks keep their face (top at [0],
// shift, unshift, indexOf, length) over a plain array used from its end, with a count per
// name so that a close tag with no open element is answered at once: each operation is O(1)
// (a found close tag pays for the elements it closes).
import { Parser, type Handler, type ParserOptions } from 'htmlparser2';

class TopFirstStack<T> {
  /** Bottom first: the top is the last item. */
  private items: T[] = [];
  private readonly counts = new Map<T, number>();

  get length(): number {
    return this.items.length;
  }

  set length(value: number) {
    if (value !== 0) throw new Error('TopFirstStack can only be emptied');
    this.items = [];
    this.counts.clear();
  }

  /** The item `depth` places below the top (0 = top). */
  at(depth: number): T | undefined {
    return this.items[this.items.length - 1 - depth];
  }

  unshift(item: T): number {
    this.items.push(item);
    this.counts.set(item, (this.counts.get(item) ?? 0) + 1);
    return this.items.length;
  }

  shift(): T | undefined {
    if (this.items.length === 0) return undefined;
    const item = this.items.pop()!;
    this.counts.set(item, this.counts.get(item)! - 1);
    return item;
  }

  /** Depth of the nearest `item` from the top, or -1. */
  indexOf(item: T): number {
    if (!this.counts.get(item)) return -1;
    for (let i = this.items.length - 1; ; i--) if (this.items[i] === item) return this.items.length - 1 - i;
  }
}

/** A TopFirstStack that also answers `stack[n]` as an array does. */
function topFirstStack<T>(initial: T[] = []): T[] {
  const stack = new TopFirstStack<T>();
  for (const item of initial.reverse()) stack.unshift(item);
  return new Proxy(stack, {
    get(target, key) {
      if (typeof key === 'string' && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) return target.at(Number(key));
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(target, key, value) {
      if (key !== 'length') return false;
      target.length = value as number;
      return true;
    },
  }) as unknown as T[];
}

/** `new Parser(handler, options)` whose open-element stacks cost O(1) a tag. */
export function linearParser(handler: Partial<Handler>, options: ParserOptions = {}): Parser {
  const parser = new Parser(handler, options);
  const internals = parser as unknown as { stack: string[]; foreignContext: boolean[] };
  internals.stack = topFirstStack<string>();
  internals.foreignContext = topFirstStack<boolean>([...internals.foreignContext]);
  return parser;
}
