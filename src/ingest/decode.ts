// Bytes to text. The charset comes, in order, from a byte-order mark, the charset the transport
// declared (HTTP Content-Type), a `<meta charset>` in the page's first 1,024 bytes, else UTF-8
// when the bytes are valid UTF-8 and Windows-1252 when not (what browsers assume for old pages).
// Binary and empty inputs are refused with a reason.

import { TextDecoder } from 'node:util';

export type Decoded = { ok: true; text: string } | { ok: false; error: string };

export function decodeBytes(bytes: Uint8Array, declaredCharset: string | null = null): Decoded {
  if (bytes.length === 0) return { ok: false, error: 'empty file' };
  const bom = byteOrderMark(bytes);
  if (bom) return finish(new TextDecoder(bom).decode(bytes));
  const declared = decoderFor(declaredCharset);
  if (declared?.encoding.startsWith('utf-16')) return finish(declared.decode(bytes));
  if (looksBinary(bytes)) return { ok: false, error: 'binary file (not text, HTML or JSONL)' };
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

/** NUL bytes, or many control characters in the first 8 KB, mean binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / head.length > 0.1;
}
