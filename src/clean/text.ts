// Text helpers shared by the HTML renderer, the plain-text reader and the line rules.

// Zero-width characters, soft hyphens and byte-order marks carry no text.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// C0/C1 control characters other than tab and line breaks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** One line of display text: invisible and control characters dropped, every whitespace run one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROL, '').replace(/\s+/g, ' ').trim().normalize('NFC');
}

/** Plain text as lines: any line ending (CRLF, CR, U+2028/9, NEL), trimmed, empty lines dropped. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r\n|[\r\n\u0085\u2028\u2029]/)
    .map(collapseWhitespace)
    .filter((line) => line !== '');
}

/** Words of a line, lower case, without surrounding punctuation. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Sentences of a line: split after . ! or ? (and a closing quote) when the next one starts a new sentence. */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?][”"’')\]]?)\s+(?=[“"‘'([]?[\p{Lu}\p{N}])/u);
}

/** Speech: the line opens with a quotation mark, so its words are someone's, not the page's. */
export function isQuoted(text: string): boolean {
  return /^[“”"‘'«„]/.test(text);
}
