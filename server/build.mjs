// Bundles the server (and @meridian/model, from source) into dist/main.js and its import
// worker into dist/importWorker.js. Native and
// heavy runtime packages stay external and resolve from server/node_modules.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const here = path.dirname(fileURLToPath(import.meta.url))

await build({
  // The import worker is a file of its own: the server starts it as a worker thread.
  entryPoints: {
    main: path.join(here, 'src/main.ts'),
    importWorker: path.join(here, 'src/roadmaps/importWorker.ts'),
  },
  outdir: path.join(here, 'dist'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: [
    'better-sqlite3',
    'ioredis',
    'pg',
    'pino',
    'prom-client',
    'ws',
    // Native (resvg), or reading its own font metrics at run time (pdfkit).
    '@resvg/resvg-js',
    'pdfkit',
  ],
  banner: {
    js: "import { createRequire as __meridianCreateRequire } from 'node:module'; const require = __meridianCreateRequire(import.meta.url);",
  },
  logLevel: 'info',
})
