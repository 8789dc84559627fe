// The client's layers (docs/ARCHITECTURE.md, "The client's layers"): a file may import its
// own layer or a lower one, never a higher one; nothing but main.tsx imports app/, the top.
// Run by `pnpm lint`; the import graph is madge's, the one the cycle check reads.
import { fileURLToPath } from 'node:url'
import madge from 'madge'

const ROOT = 'client/src'
const ROOT_DIR = fileURLToPath(new URL('../client/src', import.meta.url))

// Bottom first. Directories on one line are one layer: they may import one another.
const LAYERS = [
  ['lib'],
  ['ui'],
  ['sync', 'undo', 'identity'],
  ['views', 'comments', 'session', 'history', 'share', 'exchange', 'panel', 'home'],
  ['roadmap'],
  ['app'],
]
const ENTRY = 'main.tsx'

const layerOf = new Map(LAYERS.flatMap((dirs, rank) => dirs.map((dir) => [dir, rank])))

function topDir(file) {
  const slash = file.indexOf('/')
  return slash === -1 ? file : file.slice(0, slash)
}

const graph = (await madge(ROOT_DIR, { fileExtensions: ['ts', 'tsx'] })).obj()
const problems = []
for (const [file, imports] of Object.entries(graph)) {
  if (file === ENTRY) continue
  const from = topDir(file)
  const rank = layerOf.get(from)
  if (rank === undefined) {
    problems.push(
      `${file}: ${ROOT}/${from} is in no layer (add it to scripts/check-client-layers.mjs)`,
    )
    continue
  }
  for (const target of imports) {
    const to = topDir(target)
    if (to === from) continue
    const targetRank = layerOf.get(to)
    if (targetRank === undefined) {
      problems.push(`${file} imports ${target}, which is in no layer`)
    } else if (targetRank > rank) {
      problems.push(`${file} imports ${target}: ${from}/ sits below ${to}/`)
    }
  }
}

if (problems.length > 0) {
  console.error(`Client layer check: ${problems.length} import(s) run back up the layers`)
  for (const problem of problems) console.error(`  ${ROOT}/${problem}`)
  process.exit(1)
}
console.log(`Client layer check: ${Object.keys(graph).length} files, no import runs back up`)
