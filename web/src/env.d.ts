// Stylesheets are bundled by esbuild into app.css; importing one yields nothing to TypeScript.
declare module '*.css';
