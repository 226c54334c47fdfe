// Per-item isolation (issue 12, failure 2): one NUL character, one late NUL byte, one UTF-32
// file or one figure the database refuses lost its whole batch and every batch after it. Now
// each bad item is named with its reason and every other report in the run is stored.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { vigil } from '../cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-isolation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sentence = (place: string) => `Three civilians were killed in shelling on ${place} on Tuesday, officials said.`;

function utf32(text: string, littleEndian: boolean): Buffer {
  const codes = [0xfeff, ...[...text].map((c) => c.codePointAt(0)!)];
  const bytes = Buffer.alloc(codes.length * 4);
  codes.forEach((code, i) => (littleEndian ? bytes.writeUInt32LE(code, i * 4) : bytes.writeUInt32BE(code, i * 4)));
  return bytes;
}

it('names each bad item with its reason and stores every other report of the run', { timeout: 120_000 }, async () => {
  const file = (name: string, content: string | Buffer) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  const jsonl = file(
    'batch.jsonl',
    [
      JSON.stringify({ text: sentence('Idlib'), title: 'fine' }),
      JSON.stringify({ text: sentence('Hama'), title: 'bad\u0000title' }),
      `{"text": "${sentence('Daraa')}", "title": "raw \u0000 NUL"}`,
      JSON.stringify({ text: sentence('Homs') + ' \ud800' }),
    ].join('\n'),
  );
  const lateNul = file('late-nul.txt', Buffer.concat([Buffer.from(`${sentence('Raqqa')}\n${'Filler text. '.repeat(700)}`), Buffer.from([0]), Buffer.from('more')]));
  const utf32le = file('utf32le.txt', utf32(sentence('Aleppo'), true));
  const utf32be = file('utf32be.txt', utf32(sentence('Latakia'), false));
  const refused = file('huge-figure.txt', 'At least 9999999999 people were killed in an air strike on Mosul on Monday, officials said.\n');
  const valid = ['Kabul', 'Kandahar', 'Herat'].map((place) => file(`valid-${place}.txt`, `${sentence(place)}\n`));

  const run = await vigil(['ingest', jsonl, lateNul, utf32le, utf32be, refused, ...valid, '--published', '2020-06-02', '--jobs', '1', '--json', '--data', join(dir, 'data')]);
  expect(run.code, run.stderr).toBe(1);
  const summary = JSON.parse(run.stdout);
  expect(summary.errors).toEqual([
    { item: `${jsonl}:3`, error: expect.stringMatching(/malformed JSON/) },
    { item: lateNul, error: 'binary file (not text, HTML or JSONL)' },
    { item: refused, error: expect.stringMatching(/^not stored: the database refused it \(.*out of range for type integer\)$/) },
  ]);
  expect(run.stderr).toContain(`error: ${refused}: not stored`);
  expect(summary.reportsStored).toBe(8);

  const store = await Store.open({ dataDir: join(dir, 'data') });
  try {
    const reports = await store.db.selectFrom('reports').select(['title', 'text']).execute();
    expect(reports).toHaveLength(8);
    const texts = reports.map((r) => r.text).join('\n');
    for (const place of ['Idlib', 'Hama', 'Homs', 'Aleppo', 'Latakia', 'Kabul', 'Kandahar', 'Herat']) expect(texts).toContain(sentence(place));
    expect(reports.map((r) => r.title)).toContain('bad\ufffdtitle');
    expect(texts).toContain('said. \ufffd');
  } finally {
    await store.close();
  }
});
