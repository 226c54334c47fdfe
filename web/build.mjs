// Builds the workbench page: web/src/main.ts (and the CSS it imports) bundled by esbuild into
// dist/web/app.js and app.css, beside a copy of web/index.html. Run by `npm run build`.
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const out = new URL('../dist/web/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { app: new URL('src/main.ts', import.meta.url).pathname },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  outdir: out,
  // Leaflet's stylesheet names a few small images; inlined, so the page loads nothing else.
  loader: { '.json': 'json', '.png': 'dataurl' },
  logLevel: 'warning',
});
copyFileSync(new URL('index.html', import.meta.url), `${out}index.html`);
