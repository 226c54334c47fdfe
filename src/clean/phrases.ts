// Compiles the phrase syntax of data/clean/promo-*.txt into regular expressions.
//   words     match case-insensitively, any whitespace between them
//   <Name>    one to three capitalised words ("GlobalData", "Acme Research")
//   <n>       a number
//   ...       any text
const NAME = String.raw`\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+\p{Lu}[\p{L}\p{N}&'’.-]*){0,2}`;
const NUMBER = String.raw`\d[\d,.]*`;
const WORD_EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const WORD_EDGE_AFTER = String.raw`(?![\p{L}\p{N}])`;

/** A literal that ignores case, written out letter by letter so `<Name>` can stay case-sensitive. */
function caseless(literal: string): string {
  return literal.replace(/[\p{L}]|[.*+?^${}()|[\]\\/]/gu, (char) => {
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    if (lower !== upper) return `[${lower}${upper}]`;
    return `\\${char}`;
  });
}

function entrySource(entry: string): string {
  return entry
    .trim()
    .split(/(<Name>|<n>|\.\.\.|\s+)/)
    .map((part) => {
      if (part === '<Name>') return NAME;
      if (part === '<n>') return NUMBER;
      if (part === '...') return '.*';
      if (/^\s+$/.test(part)) return String.raw`\s+`;
      return caseless(part);
    })
    .join('');
}

/** Matches any entry anywhere in a text, on word boundaries. */
export function anyPhrasePattern(entries: readonly string[]): RegExp {
  const alternatives = entries.map(entrySource).join('|');
  return new RegExp(`${WORD_EDGE_BEFORE}(?:${alternatives})${WORD_EDGE_AFTER}`, 'u');
}

/** Matches a text that is exactly one entry, give or take surrounding punctuation and symbols. */
export function wholeLinePattern(entries: readonly string[]): RegExp {
  const alternatives = entries.map(entrySource).join('|');
  return new RegExp(String.raw`^[\p{P}\p{S}\s]*(?:${alternatives})[\p{P}\p{S}\s]*$`, 'u');
}
