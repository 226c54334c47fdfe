// `vigil bench --clustering`: the cost of clustering and storing a report as the database grows.
// Incidents are seeded (src/bench/seed.ts) at a fixed number a year over 59 countries, so a larger
// database covers more years; then the same reports (events of 2020) are clustered and stored,
// 100 a transaction under the clustering lock, as ingest does. The candidates of a report are the
// incidents of its country within a week (an indexed range, read without their claims), so its
// cost follows how many incidents lie in that window, not how many are stored in all.
import { loadavg } from 'node:os';
import { BatchWriter } from '../pipeline/batch.js';
import { CANDIDATE_DAYS } from '../reconcile/cluster.js';
import { analyse, storeAnalysis, type Analysis } from '../pipeline/index.js';
import { Store, type StoreLocation } from '../store/index.js';
import { seedIncidents } from './seed.js';
import { narratives } from './corpus.js';

export interface ClusteringRow {
  backend: string;
  stored: number;
  seedSeconds: number;
  reports: number;
  /** Milliseconds per report, clustering and storing. */
  msPerReport: number;
  /** Candidates read per report, on average. */
  candidates: number;
  /** The machine's load average over the last minute, when the reports were done. */
  load: number;
}

/** Reports clustered and stored at each size. */
const REPORTS = 300;

export async function runClusteringBench(targets: Array<{ backend: string; location: () => StoreLocation; cleanUp: (location: StoreLocation) => Promise<void> }>, sizes: number[]): Promise<ClusteringRow[]> {
  const analyses: Analysis[] = narratives(REPORTS, 21).map((n, i) => analyse({ origin: `n${i}`, url: null, title: null, sourceName: null, published: n.published, format: 'text', content: n.text }));
  const rows: ClusteringRow[] = [];
  for (const target of targets) {
    for (const stored of sizes) {
      const location = target.location();
      const store = await Store.open(location);
      try {
        const seeding = performance.now();
        if (stored > 0) await seedIncidents(store, stored);
        const seedSeconds = (performance.now() - seeding) / 1000;
        let candidates = 0;
        const started = performance.now();
        for (let i = 0; i < analyses.length; i += 100) {
          const batch = analyses.slice(i, i + 100);
          await store.serialised(async (tx) => {
            const writer = new BatchWriter(tx);
            await writer.prepare(batch);
            for (const analysis of batch) {
              for (const draft of analysis.drafts) candidates += (await writer.candidatesNear(draft.date, draft.place?.country ?? null, CANDIDATE_DAYS)).length;
              await storeAnalysis('bench', analysis, writer);
            }
            await writer.flush();
          });
        }
        rows.push({ backend: target.backend, stored, seedSeconds, reports: analyses.length, msPerReport: (performance.now() - started) / analyses.length, candidates: candidates / analyses.length, load: loadavg()[0]! });
      } finally {
        await store.close();
        await target.cleanUp(location);
      }
    }
  }
  return rows;
}

export function formatClusteringBench(rows: ClusteringRow[]): string {
  return [
    '| back end | incidents stored | seeding (s) | reports | ms per report (cluster + store) | candidates per report | load average |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.backend} | ${r.stored.toLocaleString('en-US')} | ${r.seedSeconds.toFixed(1)} | ${r.reports} | ${r.msPerReport.toFixed(2)} | ${r.candidates.toFixed(1)} | ${r.load.toFixed(1)} |`),
  ].join('\n');
}
