// `vigil eval clusters`: the clustering rule on any news. Every record is a report; it is read as
// Vigil reads reports (its main incident's type, date, place and perpetrator when it yields one)
// with the term counts of the whole text, and in file order joins the cluster the rule matches
// best, or starts one, as reports join incidents at ingest. Scored against the gold clusters:
// pairwise and B-cubed precision, recall and F1, within topics and over the whole file.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { analyse } from '../pipeline/index.js';
import { bestMatch, tellsCasualties, type ClusterItem } from '../reconcile/cluster.js';
import { DEFAULT_ACTOR_RULE } from '../reconcile/grade.js';
import { addMember, signatureOf } from '../reconcile/similarity.js';

const recordSchema = z.object({
  id: z.string(),
  cluster: z.string(),
  text: z.string(),
  title: z.string().nullish(),
  published: z.string().nullish(),
  topic: z.union([z.number(), z.string()]).nullish(),
});
type ClusterRecord = z.infer<typeof recordSchema>;

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export interface ClustersReport {
  records: number;
  goldClusters: number;
  predictedClusters: number;
  /** Predicted clusters a gold cluster is spread over, on average (1 is ideal). */
  clustersPerEvent: number;
  bcubed: Scores;
  pairwise: Scores;
  /** The same scores counting only pairs (and cluster members) of one topic: the hard cases. */
  withinTopic: { bcubed: Scores; pairwise: Scores };
}

export function readClusterRecords(file: string, limit?: number): ClusterRecord[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.slice(0, limit).map((line, i) => {
    const parsed = recordSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`).join('; ')}`);
    return parsed.data;
  });
}

/** What clustering sees of a report: its main incident's fields when it yields one, and the signature of its text. */
export function recordItem(record: ClusterRecord): ClusterItem {
  const { drafts } = analyse({ origin: record.id, url: null, title: record.title ?? null, sourceName: null, published: record.published ?? null, format: 'text', content: record.text });
  const main = drafts.find((d) => d.role === 'main') ?? drafts[0];
  const named = main && (main.evidence.actor1 ?? []).some((e) => e.rule !== DEFAULT_ACTOR_RULE) ? main.actor1 : null;
  return {
    eventType: main?.eventType ?? null,
    // Without a publication date a report's dates cannot be resolved (ingest codes none): none is compared.
    date: record.published ? (main?.date ?? null) : null,
    timePrecision: main?.timePrecision ?? 3,
    place: main?.place ?? null,
    actor1: named ?? null,
    signature: signatureOf(record.text),
    casualties: tellsCasualties(main?.claims ?? []),
  };
}

/** Clusters items in order: each joins the best matching cluster so far, or starts one. Returns a cluster index per item. */
export function clusterInOrder(items: ClusterItem[]): number[] {
  const clusters: ClusterItem[] = [];
  return items.map((item) => {
    const match = bestMatch(item, clusters);
    if (!match) {
      clusters.push({ ...item });
      return clusters.length - 1;
    }
    match.signature = addMember(match.signature, item.signature);
    // An incident tells of casualties when any of its reports does (its claims at ingest).
    match.casualties ||= item.casualties;
    return clusters.indexOf(match);
  });
}

export function runClustersEval(file: string, options: { limit?: number; onRecord?: () => void } = {}): ClustersReport {
  const records = readClusterRecords(file, options.limit);
  const items = records.map((record) => {
    const item = recordItem(record);
    options.onRecord?.();
    return item;
  });
  const predicted = clusterInOrder(items).map(String);
  const gold = records.map((r) => r.cluster);
  const topics = records.map((r) => String(r.topic ?? r.cluster.split('_')[0]));
  const spread = new Map<string, Set<string>>();
  gold.forEach((g, i) => spread.set(g, (spread.get(g) ?? new Set()).add(predicted[i]!)));
  return {
    records: records.length,
    goldClusters: new Set(gold).size,
    predictedClusters: new Set(predicted).size,
    clustersPerEvent: [...spread.values()].reduce((sum, s) => sum + s.size, 0) / spread.size,
    bcubed: bcubed(gold, predicted, () => true),
    pairwise: pairwise(gold, predicted, () => true),
    withinTopic: { bcubed: bcubed(gold, predicted, (i, j) => topics[i] === topics[j]), pairwise: pairwise(gold, predicted, (i, j) => topics[i] === topics[j]) },
  };
}

/** B-cubed: per record, the share of its predicted cluster in its gold cluster (precision) and the reverse (recall), over records `counts` pairs it with. */
function bcubed(gold: string[], predicted: string[], counts: (i: number, j: number) => boolean): Scores {
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < gold.length; i++) {
    let bothOrSelf = 0;
    let inPredicted = 0;
    let inGold = 0;
    for (let j = 0; j < gold.length; j++) {
      if (!counts(i, j)) continue;
      const p = predicted[j] === predicted[i];
      const g = gold[j] === gold[i];
      if (p) inPredicted++;
      if (g) inGold++;
      if (p && g) bothOrSelf++;
    }
    precision += bothOrSelf / inPredicted;
    recall += bothOrSelf / inGold;
  }
  return scores(precision / gold.length, recall / gold.length);
}

/** Pairwise: same-cluster pairs predicted, against same-cluster pairs in the gold, over pairs `counts` keeps. */
function pairwise(gold: string[], predicted: string[], counts: (i: number, j: number) => boolean): Scores {
  let truePairs = 0;
  let predictedPairs = 0;
  let goldPairs = 0;
  for (let i = 0; i < gold.length; i++) {
    for (let j = i + 1; j < gold.length; j++) {
      if (!counts(i, j)) continue;
      const p = predicted[j] === predicted[i];
      const g = gold[j] === gold[i];
      if (p) predictedPairs++;
      if (g) goldPairs++;
      if (p && g) truePairs++;
    }
  }
  return scores(predictedPairs ? truePairs / predictedPairs : 1, goldPairs ? truePairs / goldPairs : 1);
}

function scores(precision: number, recall: number): Scores {
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function formatClustersReport(report: ClustersReport): string {
  const row = (name: string, s: Scores) => `| ${name} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} |`;
  return [
    `${report.records} reports, ${report.goldClusters} true events, ${report.predictedClusters} clusters; ${report.clustersPerEvent.toFixed(2)} clusters per true event`,
    '',
    '| score | precision | recall | F1 |',
    '|---|---|---|---|',
    row('B-cubed, overall', report.bcubed),
    row('B-cubed, within topic', report.withinTopic.bcubed),
    row('pairwise, overall', report.pairwise),
    row('pairwise, within topic', report.withinTopic.pairwise),
  ].join('\n');
}
