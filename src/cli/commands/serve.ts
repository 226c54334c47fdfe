import type { Command } from 'commander';
import type { Analyser } from '../../pipeline/run.js';
import { Accounts } from '../../auth/accounts.js';
import { createIngestToken, removeIngestToken, Store } from '../../store/index.js';
import { DATA_OPTION_HELP, storeLocation, UserError } from '../context.js';

export interface ServeOptions {
  port: string;
  host: string;
  data?: string;
  allowPrivate?: boolean;
}

/** The options every serving command takes: where to listen and which database. */
export function withServeOptions(command: Command): Command {
  return command
    .option('--port <port>', 'port to listen on', process.env.PORT ?? '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', DATA_OPTION_HELP)
    .option('--allow-private', 'let POST /api/reports fetch URLs on private, loopback and link-local addresses (refused by default)');
}

export function registerServe(program: Command): void {
  withServeOptions(program.command('serve').description('serve the incident ledger: web page and JSON API'))
    .addHelpText(
      'after',
      `
API: described at /api/openapi.json. GET /api/incidents (filters, sort, cursor, total),
GET /api/incidents/:id, POST /api/incidents/:id/accept|reject, GET /api/reports[/:id],
POST /api/reports (text, HTML or URLs to fetch), GET /api/export?format=json|csv|geojson. Sign in with POST /api/session or
send Authorization: Bearer <token from \`vigil token create\`>. On a database with no user, the
server creates the user admin and prints its password once; admins manage users, API tokens
and settings on the page's Admin view (/api/users, /api/tokens, /api/settings).

The server holds its data directory while it runs: \`vigil ingest\` on the same directory sends
its reports to it (POST /api/reports, with the token the server leaves in the directory), and
they show on the page at once. Other commands on that directory are refused until it stops.`,
    )
    .action(async (options: ServeOptions) => {
      const store = await Store.open({ ...storeLocation(options), serving: true });
      await serve(store, options);
    });
}

/**
 * Listens until SIGINT/SIGTERM/SIGHUP (or, under `npm start`, until npm itself is gone), then
 * closes the server, the analysis pool and the store, which releases the data directory.
 */
export async function serve(store: Store, options: ServeOptions, analyser: Analyser | null = null): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UserError(`--port must be a port number, got "${options.port}"`);
  const { buildApp } = await import('../../serve/app.js');
  const firstAdmin = await new Accounts(store).ensureFirstAdmin();
  const { Analyser } = await import('../../pipeline/run.js');
  const dataDir = store.lock?.dataDir ?? null;
  const token = dataDir ? createIngestToken(dataDir) : null;
  let pool = analyser;
  const app = await buildApp(store, { ingestToken: token, ingest: { analyser: () => (pool ??= new Analyser()), allowPrivate: options.allowPrivate ?? false } });
  try {
    const address = await app.listen({ port, host: options.host });
    const { port: bound } = app.server.address() as { port: number };
    store.lock?.announceServer(`http://${localHost(options.host)}:${bound}/`);
    process.stdout.write(`Vigil is serving ${store.where} at ${address.replace('127.0.0.1', 'localhost')}/  (Ctrl-C to stop)\n`);
    if (firstAdmin) process.stdout.write(`First start: sign in as "${firstAdmin.name}" with the password ${firstAdmin.password}  (shown once; add people with: vigil user add NAME --role analyst)\n`);
    await stopRequested();
  } finally {
    await app.close();
    await pool?.close();
    if (dataDir && token) removeIngestToken(dataDir, token);
    await store.close();
  }
}

/** The address a process on this machine reaches the server at. */
function localHost(host: string): string {
  if (['0.0.0.0', '::', '127.0.0.1', 'localhost', ''].includes(host)) return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function stopRequested(): Promise<void> {
  return new Promise<void>((resolve) => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const stop = () => {
      for (const signal of signals) process.off(signal, stop);
      clearInterval(orphanWatch);
      resolve();
    };
    for (const signal of signals) process.on(signal, stop);
    // Under `npm start`, npm is the parent: if it is killed outright (no signal forwarded), stop too.
    const parent = process.ppid;
    const orphanWatch = setInterval(() => process.env.npm_lifecycle_event && process.ppid !== parent && stop(), 1000);
    orphanWatch.unref();
  });
}
