// Batched writes cluster as report-by-report ingest does: candidates read once a batch (by
// country and days, without claims), the incident a report joins read whole.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { BatchWriter } from '../src/pipeline/batch.js';
import { analyse, processReport, storeAnalysis } from '../src/pipeline/index.js';
import { Store } from '../src/store/index.js';
import type { RawReport } from '../src/types.js';

const read = (path: string, published: string): RawReport => ({ origin: path, url: null, title: null, sourceName: null, published, format: 'text', content: readFileSync(new URL(path, import.meta.url), 'utf8') });
const reports = [
  read('../samples/raqqa-airstrikes-2014-11-25.txt', '2014-11-26'),
  read('fixtures/reconcile/raqqa-wire-copy.txt', '2014-11-26'),
  { origin: 'kabul', url: null, title: null, sourceName: null, published: '2014-11-26', format: 'text', content: 'A suicide bomber killed 12 people at a market in Kabul, Afghanistan, on Tuesday, police said.' } satisfies RawReport,
  read('fixtures/reconcile/raqqa-later-toll.txt', '2014-11-27'),
];

it('clusters a batch as it clusters the same reports one by one', async () => {
  const oneByOne = await Store.open({ dataDir: 'memory://' });
  const batched = await Store.open({ dataDir: 'memory://' });
  try {
    for (const raw of reports) await processReport(raw, oneByOne);
    // The first report stored before the batch: the batch reads it as a candidate, the others from itself.
    await processReport(reports[0]!, batched);
    const analyses = reports.slice(1).map((raw) => analyse(raw));
    await batched.serialised(async (tx) => {
      const writer = new BatchWriter(tx);
      await writer.prepare(analyses);
      for (const analysis of analyses) await storeAnalysis('test', analysis, writer);
      await writer.flush();
    });
    const summary = (store: Store) => store.listIncidents().then((list) => list.map((i) => ({ country: i.place?.country, reports: [...i.reportIds].sort(), fatalities: i.fatalities })).sort((a, b) => String(a.country).localeCompare(String(b.country))));
    expect(await summary(batched)).toEqual(await summary(oneByOne));
    expect((await summary(batched)).map((i) => [i.country, i.reports.length])).toEqual([['Afghanistan', 1], ['Syria', 3]]);
  } finally {
    await oneByOne.close();
    await batched.close();
  }
});
