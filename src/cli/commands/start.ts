import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Analyser } from '../../pipeline/run.js';
import { Store } from '../../store/index.js';
import { storeLocation } from '../context.js';
import { ingest } from './ingest.js';
import { serve, withServeOptions, type ServeOptions } from './serve.js';

/** The bundled sample: files and the publication dates the files themselves do not carry. */
interface SampleManifest {
  reports: Array<{ file: string; published?: string; source?: string; url?: string }>;
}

const samplesDir = new URL('../../../samples/', import.meta.url);

/** Reads the bundled sample into the store; returns how many incidents it created or updated. */
export async function ingestSample(store: Store, analyser: Analyser): Promise<number> {
  const manifest = JSON.parse(await readFile(new URL('manifest.json', samplesDir), 'utf8')) as SampleManifest;
  let created = 0;
  for (const entry of manifest.reports) {
    const path = new URL(entry.file, samplesDir).pathname;
    const summary = await ingest(store, [path], { published: entry.published ?? null, source: entry.source ?? null, url: entry.url ?? null }, { analyser });
    created += summary.incidentsCreated + summary.incidentsMerged;
  }
  return created;
}

export function registerStart(program: Command): void {
  withServeOptions(program.command('start').description('ingest the bundled sample reports into the embedded database, then serve them'))
    .action(async (options: ServeOptions) => {
      const store = await Store.open({ ...storeLocation(options), serving: true });
      const { Analyser } = await import('../../pipeline/run.js');
      // One pool for the sample and, afterwards, for what `vigil ingest` sends to the server.
      const analyser = new Analyser();
      let created = 0;
      try {
        created = await ingestSample(store, analyser);
      } catch (error) {
        await analyser.close();
        await store.close();
        throw error;
      }
      const counts = await store.counts();
      process.stdout.write(`sample ingested: ${created} new or updated incidents; the ledger holds ${counts.incidents} incidents from ${counts.reports} reports\n`);
      await serve(store, options, analyser);
    });
}
