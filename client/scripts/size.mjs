// Reports the gzip size of the JavaScript a first visit downloads: the entry chunk and
// the chunks it imports statically (modulepreload). Lazy chunks are listed apart.
// Run after `vite build`. Reports only; never fails the build.
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const LIMIT_KB = 180

if (!existsSync(join(dist, 'index.html'))) {
  console.log('size: no client/dist/index.html — run `vite build` first')
  process.exit(0)
}
const html = readFileSync(join(dist, 'index.html'), 'utf8')
const initial = new Set(
  [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]),
)
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
const kb = (n) => `${(n / 1024).toFixed(1)} kB`

let initialTotal = 0
console.log('Initial JS (loaded on first visit):')
for (const file of initial) {
  const size = gz(file)
  initialTotal += size
  console.log(`  ${file.padEnd(48)} ${kb(size).padStart(10)} gzip`)
}
const lazy = readdirSync(join(dist, 'assets')).filter(
  (f) => f.endsWith('.js') && !initial.has(`assets/${f}`),
)
let lazyTotal = 0
console.log('Lazy JS (dynamic import):')
for (const file of lazy) {
  const size = gz(`assets/${file}`)
  lazyTotal += size
  console.log(`  assets/${file.padEnd(41)} ${kb(size).padStart(10)} gzip`)
}
const verdict = initialTotal <= LIMIT_KB * 1024 ? 'within' : 'OVER'
console.log(
  `Initial JS total: ${kb(initialTotal)} gzip (${verdict} the ${LIMIT_KB} kB budget); lazy total ${kb(lazyTotal)}`,
)
