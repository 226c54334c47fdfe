// `vigil eval clusters` on a file of its own: a wire copy joins, another town and another event stay apart.
import { describe, expect, it } from 'vitest';
import { formatClustersReport, runClustersEval } from './clusters.js';

const file = new URL('../../test/fixtures/eval/clusters.jsonl', import.meta.url).pathname;

describe('the clusters evaluation', () => {
  it('clusters the records and scores B-cubed and pairwise, overall and within topic', () => {
    const report = runClustersEval(file);
    expect(report).toMatchObject({ records: 4, goldClusters: 3, predictedClusters: 3, clustersPerEvent: 1 });
    expect(report.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(report.pairwise).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(report.withinTopic.bcubed.f1).toBe(1);
    expect(formatClustersReport(report)).toContain('| B-cubed, overall | 1.000 | 1.000 | 1.000 |');
  });
});
