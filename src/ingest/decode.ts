// Bytes to text. The charset comes, in order, from a byte-order mark (UTF-8, UTF-16, UTF-32), the
// charset the transport declared (HTTP Content-Type), a `<meta charset>` in the page's first
// 1,024 bytes, else UTF-8 when the bytes are valid UTF-8 and Windows-1252 when not (what browsers
// assume for old pages). Binary and empty inputs are refused with a reason; the binary check
// reads the whole input.

import { TextDecoder } from 'node:util';

export type Decoded = { ok: true; text: string } | { ok: false; error: string };

export interface DecodeOptions {
  /**
   * Records one a line (JSONL): a stray NUL fails only its own line (JSON refuses it), so only a
   * share of control characters too high for text makes the whole input binary.
   */
  lineRecords?: boolean;
}

const BINARY = 'binary file (not text, HTML or JSONL)';

export function decodeBytes(bytes: Uint8Array, declaredCharset: string | null = null, options: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) return { ok: false, error: 'empty file' };
  const bom = byteOrderMark(bytes);
  const declared = decoderFor(declaredCharset);
  if (bom || declared?.encoding.startsWith('utf-16')) {
    // Wide encodings: NUL bytes are part of the characters; a NUL character means binary.
    const text = bom?.startsWith('utf-32') ? decodeUtf32(bytes, bom === 'utf-32le') : (bom ? new TextDecoder(bom) : declared!).decode(bytes);
    return looksBinary(text, options) ? { ok: false, error: BINARY } : finish(text);
  }
  if (looksBinary(bytes, options)) return { ok: false, error: BINARY };
  const chosen = declared ?? decoderFor(metaCharset(bytes));
  if (chosen && chosen.encoding !== 'utf-8') return finish(chosen.decode(bytes));
  try {
    return finish(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return finish(new TextDecoder('windows-1252').decode(bytes));
  }
}

/** The `charset` parameter of a Content-Type header value, if any. */
export function charsetOf(contentType: string | null | undefined): string | null {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1] ?? null;
}

function byteOrderMark(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  // Before UTF-16LE, whose mark begins the same way: FF FE 00 00 is UTF-32LE's (a text does not begin with NUL).
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return 'utf-32le';
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return 'utf-32be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** A decoder for a charset label, or null when the label is unknown to TextDecoder. */
function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}

/** `<meta charset=x>` or `<meta http-equiv=Content-Type content="...; charset=x">`, as the HTML prescan finds it. */
function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null;
  // A page cannot really be UTF-16 if its meta tag was readable as ASCII: HTML says read UTF-8.
  return label && /^utf-?16/i.test(label) ? 'utf-8' : label;
}

function finish(text: string): Decoded {
  return text.trim() ? { ok: true, text } : { ok: false, error: 'empty file (whitespace only)' };
}

/** UTF-32 (TextDecoder has none), after its byte-order mark; what is not a character becomes U+FFFD. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let codes: number[] = [];
  for (let i = 4; i + 4 <= bytes.length; i += 4) {
    const code = view.getUint32(i, littleEndian);
    codes.push(code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code);
    if (codes.length === 4096) {
      parts.push(String.fromCodePoint(...codes));
      codes = [];
    }
  }
  if (bytes.length % 4 !== 0) codes.push(0xfffd);
  parts.push(String.fromCodePoint(...codes));
  return parts.join('');
}

/** Any NUL (outside line records), or control characters in more than a tenth of the input, anywhere in it: binary. */
function looksBinary(input: Uint8Array | string, options: DecodeOptions): boolean {
  const length = input.length;
  let control = 0;
  for (let i = 0; i < length; i++) {
    const c = typeof input === 'string' ? input.charCodeAt(i) : input[i]!;
    if (c === 0 && !options.lineRecords) return true;
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  return control / length > 0.1;
}
