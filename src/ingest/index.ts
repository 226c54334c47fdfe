// The ingest stage: paths in (files, folders, JSONL, `-` for stdin), raw reports out. Each
// bad item becomes an error naming it; the rest of the batch goes on.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { z } from 'zod';
import type { RawReport } from '../types.js';
import { decodeBytes } from './decode.js';

export interface IngestMetadata {
  published?: string | null;
  source?: string | null;
  url?: string | null;
}

export type IngestItem = { ok: true; report: RawReport } | { ok: false; item: string; error: string };

/** Largest file read whole; bigger ones are refused rather than exhausting memory. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
const SUPPORTED = new Set(['.txt', '.text', '.html', '.htm', '.jsonl']);

const jsonlRecord = z
  .object({
    url: z.string().nullish(),
    title: z.string().nullish(),
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'published must start with YYYY-MM-DD').nullish(),
    source: z.string().nullish(),
    text: z.string().nullish(),
    html: z.string().nullish(),
  })
  .refine((r) => (r.text ?? r.html ?? '').trim().length > 0, { message: 'needs a non-empty "text" or "html" field' });

export async function* readInputs(paths: string[], metadata: IngestMetadata = {}, stdin: () => Promise<Buffer> = readStdin): AsyncGenerator<IngestItem> {
  for (const path of paths) {
    if (path === '-') {
      yield* fromBytes('stdin', 'stdin', await stdin(), metadata);
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      yield { ok: false, item: path, error: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
      continue;
    }
    if (info.isDirectory()) {
      yield* readInputs(await filesUnder(path), metadata, stdin);
      continue;
    }
    if (info.size > MAX_FILE_BYTES) {
      yield { ok: false, item: path, error: `too large (${info.size} bytes; the limit is ${MAX_FILE_BYTES})` };
      continue;
    }
    try {
      yield* fromBytes(path, extname(path).toLowerCase(), await readFile(path), metadata);
    } catch (error) {
      yield { ok: false, item: path, error: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    }
  }
}

/** Supported files under a folder, recursively, in a stable order. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && SUPPORTED.has(extname(e.name).toLowerCase()))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function* fromBytes(item: string, kind: string, bytes: Buffer, metadata: IngestMetadata): Generator<IngestItem> {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    yield { ok: false, item, error: decoded.error };
    return;
  }
  if (kind === '.jsonl') {
    yield* fromJsonl(item, decoded.text, metadata);
    return;
  }
  const format = kind === '.html' || kind === '.htm' || (kind === 'stdin' && /^\s*<(?:!doctype|html|head|body|article|div|p)\b/i.test(decoded.text)) ? 'html' : 'text';
  yield {
    ok: true,
    report: { origin: item, url: metadata.url ?? null, title: null, sourceName: metadata.source ?? null, published: metadata.published ?? null, format, content: decoded.text },
  };
}

function* fromJsonl(item: string, text: string, metadata: IngestMetadata): Generator<IngestItem> {
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const where = `${item}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield { ok: false, item: where, error: `malformed JSON: ${(error as Error).message}` };
      continue;
    }
    const parsed = jsonlRecord.safeParse(value);
    if (!parsed.success) {
      yield { ok: false, item: where, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ') };
      continue;
    }
    const r = parsed.data;
    yield {
      ok: true,
      report: {
        origin: where,
        url: r.url ?? metadata.url ?? null,
        title: r.title ?? null,
        sourceName: r.source ?? metadata.source ?? null,
        published: r.published?.slice(0, 10) ?? metadata.published ?? null,
        format: r.html ? 'html' : 'text',
        content: r.html ?? r.text ?? '',
      },
    };
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_FILE_BYTES) throw new Error(`stdin is larger than ${MAX_FILE_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
