// The workbench page, built by `npm run build` from web/ into dist/web/. Read once, when the app is built.
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';

// Three levels up from both src/serve/routes/ and dist/serve/routes/ is the package root.
export const WEB_DIR = new URL('../../../dist/web/', import.meta.url);

const PAGES = [
  { route: '/', file: 'index.html', type: 'text/html; charset=utf-8' },
  { route: '/app.js', file: 'app.js', type: 'text/javascript; charset=utf-8' },
  { route: '/app.css', file: 'app.css', type: 'text/css; charset=utf-8' },
];

export const pageRoutes: FastifyPluginAsync = async (app) => {
  for (const { route, file, type } of PAGES) {
    const body = await readFile(new URL(file, WEB_DIR), 'utf8').catch(() => {
      throw new Error(`the web page is not built (${file} missing in ${WEB_DIR.pathname}): run npm run build`);
    });
    app.get(route, async (_request, reply) => reply.type(type).send(body));
  }
  // Browsers ask for it on every page; there is none, and a 404 would be noise in the console.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
};
