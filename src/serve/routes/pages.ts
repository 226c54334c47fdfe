// The static page. The files are read once, when the app is built.
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';

// Three levels up from both src/serve/routes/ and dist/serve/routes/ is the package root.
const PUBLIC_DIR = new URL('../../../public/', import.meta.url);

const PAGES = [
  { route: '/', file: 'index.html', type: 'text/html; charset=utf-8' },
  { route: '/app.js', file: 'app.js', type: 'text/javascript; charset=utf-8' },
  { route: '/style.css', file: 'style.css', type: 'text/css; charset=utf-8' },
];

export const pageRoutes: FastifyPluginAsync = async (app) => {
  for (const { route, file, type } of PAGES) {
    const body = await readFile(new URL(file, PUBLIC_DIR), 'utf8');
    app.get(route, async (_request, reply) => reply.type(type).send(body));
  }
  // Browsers ask for it on every page; there is none, and a 404 would be noise in the console.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
};
