import type { Command } from 'commander';
import { DATA_OPTION_HELP, UserError, withStore } from '../context.js';
import { positive } from './ingest.js';

interface WatchOptions {
  interval: string;
  once?: boolean;
  allowPrivate?: boolean;
  source?: string;
  timeout: string;
  json?: boolean;
  data?: string;
}

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('poll RSS/Atom feeds and ingest each new item (the page it links to)')
    .argument('<feeds...>', 'feed URLs')
    .option('--interval <seconds>', 'time between polls of each feed', '300')
    .option('--once', 'poll each feed once and exit (for cron)')
    .option('--allow-private', 'let feeds and pages be on private, loopback and link-local addresses')
    .option('--source <name>', 'name of the source (outlet) of the items')
    .option('--timeout <seconds>', 'time limit for each fetch', '30')
    .option('--json', 'print one JSON line per poll of a feed')
    .option('--data <dir>', DATA_OPTION_HELP)
    .addHelpText(
      'after',
      `
Each poll is a conditional request (If-None-Match / If-Modified-Since with the feed's last
ETag and Last-Modified), so an unchanged feed costs one short answer. Items taken before are
remembered in the database by guid (or link) and skipped, across restarts. An item whose page
could not be read is tried again on the next poll. Stop with Ctrl-C.

Examples:
  vigil watch https://example.org/world/rss.xml https://example.net/atom --interval 600
  vigil watch https://example.org/feed --once --json     # e.g. from cron`,
    )
    .action(async (feeds: string[], options: WatchOptions) => {
      const bad = feeds.find((f) => !/^https?:\/\//i.test(f));
      if (bad) throw new UserError(`not an http(s) feed URL: "${bad}"`);
      const interval = positive(options.interval, '--interval') * 1000;
      const fetch = { allowPrivate: options.allowPrivate ?? false, timeoutMs: positive(options.timeout, '--timeout') * 1000 };
      let stop = false;
      let wake = () => undefined as void;
      process.once('SIGINT', () => ((stop = true), wake())).once('SIGTERM', () => ((stop = true), wake()));
      const { Analyser } = await import('../../pipeline/run.js');
      const { pollFeed } = await import('../../pipeline/watch.js');
      const analyser = new Analyser();
      let failed = false;
      try {
        await withStore(options, async (store) => {
          while (!stop) {
            for (const feed of feeds) {
              const poll = await pollFeed(store, feed, { fetch, metadata: { source: options.source ?? null }, analyser });
              failed ||= poll.errors.length > 0;
              if (options.json) process.stdout.write(`${JSON.stringify(poll)}\n`);
              else process.stdout.write(`${new Date().toISOString()} ${feed}: ${poll.notModified ? 'not modified' : `${poll.newItems} new item(s), ${poll.reportsStored} stored, ${poll.incidentsCreated} incident(s) created, ${poll.incidentsMerged} merged, ${poll.errors.length} error(s)`}\n`);
            }
            if (options.once) break;
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, interval);
              wake = () => (clearTimeout(timer), resolve());
            });
          }
        });
      } finally {
        await analyser.close();
      }
      if (failed) process.exitCode = 1;
    });
}
