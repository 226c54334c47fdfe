import type { Command } from 'commander';
import { Store } from '../../store/index.js';
import { DATA_OPTION_HELP, storeLocation, UserError } from '../context.js';

export interface ServeOptions {
  port: string;
  host: string;
  data?: string;
}

/** The options every serving command takes: where to listen and which database. */
export function withServeOptions(command: Command): Command {
  return command
    .option('--port <port>', 'port to listen on', process.env.PORT ?? '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', DATA_OPTION_HELP);
}

export function registerServe(program: Command): void {
  withServeOptions(program.command('serve').description('serve the incident ledger: web page and JSON API'))
    .addHelpText('after', '\nAPI: GET /api/incidents?q=&country=&event_type=&from=&to=&limit=&offset=, GET /api/incidents/:id,\nGET /api/reports/:id, GET /api/export.json|.csv|.geojson')
    .action(async (options: ServeOptions) => {
      const store = await Store.open(storeLocation(options));
      await serve(store, options);
    });
}

/** Listens until SIGINT/SIGTERM, then closes the server and the store. */
export async function serve(store: Store, options: ServeOptions): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UserError(`--port must be a port number, got "${options.port}"`);
  const { buildApp } = await import('../../serve/app.js');
  const app = await buildApp(store);
  const address = await app.listen({ port, host: options.host });
  process.stdout.write(`Vigil is serving ${store.where} at ${address.replace('127.0.0.1', 'localhost')}/  (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
  await store.close();
}
