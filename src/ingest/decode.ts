// Bytes to text: UTF-8 (with or without BOM), UTF-16 by BOM, else Windows-1252. Binary and
// empty inputs are refused with a reason.

export type Decoded = { ok: true; text: string } | { ok: false; error: string };

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, error: 'empty file' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  if (looksBinary(bytes)) return { ok: false, error: 'binary file (not text, HTML or JSONL)' };
  try {
    return finish(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    return finish(new TextDecoder('windows-1252').decode(bytes));
  }
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
