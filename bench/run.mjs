#!/usr/bin/env node
// `pnpm bench`: Meridian's own benchmark. A thin wrapper around bench/harness (a committed copy of
// the shared yjs-server-bench harness): installs the harness' dependencies on first use, builds
// the server when its build is missing or stale, runs the harness scenarios against
// `node server/dist/main.js`, and prints Meridian's figures as ratios against the anchors.
//
//   pnpm bench                      fanout 10/100/300, cold load, many-docs, kill -9 (Meridian only;
//                                   ratios vs the anchors recorded in bench/harness/ANCHORS.md)
//   pnpm bench -- --quick           smaller sizes, shorter windows (smoke test)
//   pnpm bench -- --compare         also runs yws-leveldb and hocuspocus-sqlite in the same
//                                   invocation → bench/results/compare.md + ratio table; the
//                                   sessions sizes also run floor-relay, the forward-only relay
//                                   (bench/floor/relay.mjs), shown as the floor, never a reference
//   pnpm bench -- --scenarios abuse one abusive client of each kind vs a well-behaved editor's
//                                   p99 edit latency (bench/abuse.mjs; --edits N)
//                                   and the sessions scenario at 50 and 150 rooms
//   pnpm bench -- --scenarios sessions --ramp [--targets meridian,yws-leveldb,hocuspocus-sqlite,floor-relay]
//                                   sessions at 50, 100, 150, … rooms per server until presence
//                                   p99 > 50 ms or presence is lost → bench/results/ramp.md
//   other flags go to the harness (e.g. --scenarios fanout --n 300 --burst 0)
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { rampSessions } from './ramp.mjs'
import { ratioReport, RECORDED_ANCHORS, FLOOR_TARGET } from './ratios.mjs'

const BENCH = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.resolve(BENCH, '..')
const HARNESS = path.join(BENCH, 'harness')
const RESULTS = path.join(BENCH, 'results')
const SERVER_MAIN = path.join(ROOT, 'server/dist/main.js')

const argv = process.argv.slice(2).filter((a) => a !== '--')
const has = (flag) => argv.includes(flag)
const compare = has('--compare')
const quick = has('--quick')
const ramp = has('--ramp')
/** The value after `flag`, if given. */
const valueOf = (flag) => {
  const i = argv.indexOf(flag)
  return i === -1 ? undefined : argv[i + 1]
}
// --targets is ours (the ramp's servers); the rest goes to the harness.
const passThrough = argv.filter(
  (a, i) => a !== '--compare' && a !== '--ramp' && a !== '--targets' && argv[i - 1] !== '--targets',
)
/** `args` without `flag` and its value. */
const withoutFlag = (args, flag) => args.filter((a, i) => a !== flag && args[i - 1] !== flag)
/** The sessions sizes `--compare` measures (with the anchors, in one invocation each). */
const SESSION_ROOMS = [50, 150]

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts })
  if (r.status !== 0) {
    console.error(`[bench] ${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`)
    process.exit(1)
  }
}

function ensureHarnessDeps() {
  const marker = path.join(HARNESS, 'node_modules/.package-lock.json')
  const lock = path.join(HARNESS, 'package-lock.json')
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return
  console.error(
    '[bench] installing harness dependencies (better-sqlite3 builds from source, ~1 min)',
  )
  const env = { ...process.env }
  if (fs.existsSync('/usr/include/node/node.h') && !env.npm_config_nodedir)
    env.npm_config_nodedir = '/usr'
  run('npm', ['install', '--no-audit', '--no-fund'], { cwd: HARNESS, env })
}

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0
  const st = fs.statSync(p)
  if (!st.isDirectory()) return st.mtimeMs
  let m = st.mtimeMs
  for (const e of fs.readdirSync(p)) {
    if (e === 'node_modules' || e === 'dist') continue
    m = Math.max(m, newestMtime(path.join(p, e)))
  }
  return m
}

function ensureServerBuild() {
  const sources = [
    'server/src',
    'server/build.mjs',
    'server/package.json',
    'packages/model/src',
  ].map((p) => newestMtime(path.join(ROOT, p)))
  const built = fs.existsSync(SERVER_MAIN) ? fs.statSync(SERVER_MAIN).mtimeMs : 0
  if (built >= Math.max(...sources)) return
  // The server's build script itself: pnpm need not be on the PATH (`npx pnpm` is common here).
  console.error('[bench] building the server (node server/build.mjs)')
  run(process.execPath, ['build.mjs'], { cwd: path.join(ROOT, 'server') })
  if (!fs.existsSync(SERVER_MAIN)) {
    console.error(`[bench] ${SERVER_MAIN} missing after the build`)
    process.exit(1)
  }
}

async function main() {
  if (has('--help') || has('-h')) {
    const text = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n')
    console.log(
      text
        .slice(
          1,
          text.findIndex((l, i) => i > 0 && !l.startsWith('//')),
        )
        .map((l) => l.replace(/^\/\/ ?/, ''))
        .join('\n'),
    )
    return
  }
  const si = argv.indexOf('--scenarios')
  if (si >= 0 && argv[si + 1] === 'abuse') {
    // Not a harness scenario: the build, as a deployment runs it, against abusive clients.
    ensureServerBuild()
    run(
      process.execPath,
      [path.join(BENCH, 'abuse.mjs'), ...argv.filter((_, i) => i !== si && i !== si + 1)],
      { cwd: ROOT, env: { MERIDIAN_IT_SERVER: SERVER_MAIN, ...process.env } },
    )
    return
  }
  ensureHarnessDeps()
  ensureServerBuild()
  fs.mkdirSync(RESULTS, { recursive: true })
  // The ramp measures every server unless told which; a plain run measures Meridian.
  const targets =
    valueOf('--targets') ??
    (compare || ramp ? 'yws-leveldb,hocuspocus-sqlite,meridian' : 'meridian')
  // The floor is measured in the same invocation as the others, in sessions runs only (the
  // scenario it is the floor of): named by --targets, or added by --compare.
  const sessionTargets = compare && !valueOf('--targets') ? `${targets},${FLOOR_TARGET}` : targets
  if (ramp) {
    const report = await rampSessions(targets.split(','), (t, rooms) =>
      runHarness(t, path.join(RESULTS, `ramp-${t}-${rooms}.md`), [
        ...passThrough,
        '--scenarios',
        'sessions',
        '--rooms',
        String(rooms),
      ]),
    )
    console.log('\n' + report)
    fs.writeFileSync(path.join(RESULTS, 'ramp.md'), report + '\n')
    console.error(`[bench] report: ${path.relative(ROOT, path.join(RESULTS, 'ramp.md'))}`)
    return
  }
  const out = path.join(
    RESULTS,
    compare ? 'compare.md' : quick ? 'meridian-quick.md' : 'meridian.md',
  )
  // With --compare the sessions scenario runs at two sizes, each in its own invocation (one
  // --rooms per run) with the anchors measured in the same invocation as Meridian.
  const named = valueOf('--scenarios')?.split(',')
  const sessionSizes = compare && !has('--rooms') && (!named || named.includes('sessions'))
  const rest = named?.filter((n) => n !== 'sessions')
  const results = []
  let code = 0
  if (!sessionSizes || !rest || rest.length > 0) {
    const others = rest
      ? [...withoutFlag(passThrough, '--scenarios'), '--scenarios', rest.join(',')]
      : passThrough
    const onlySessions = !sessionSizes && named?.length === 1 && named[0] === 'sessions'
    const main = await runHarness(
      onlySessions ? sessionTargets : targets,
      out,
      sessionSizes ? others : passThrough,
    )
    results.push(...main.results)
    code = main.code
  }
  if (sessionSizes) {
    for (const rooms of SESSION_ROOMS) {
      const r = await runHarness(
        sessionTargets,
        path.join(RESULTS, `compare-sessions-${rooms}.md`),
        [
          ...withoutFlag(passThrough, '--scenarios'),
          '--scenarios',
          'sessions',
          '--rooms',
          String(rooms),
        ],
      )
      results.push(...r.results)
      code ||= r.code
    }
  }
  const report = ratioReport(results, {
    anchors: compare ? null : RECORDED_ANCHORS,
    quick,
  })
  console.log('\n' + report)
  if (fs.existsSync(out)) fs.appendFileSync(out, '\n' + report + '\n')
  else fs.writeFileSync(out, report + '\n')
  console.error(`[bench] report: ${path.relative(ROOT, out)}`)
  process.exitCode = code
}

/** One harness `run-all` over `targets` (comma-separated); its results (JSON lines) and exit code. */
async function runHarness(targets, out, extra) {
  const jsonl = path.join(HARNESS, 'results/results.jsonl')
  const offset = fs.existsSync(jsonl) ? fs.statSync(jsonl).size : 0
  const args = [
    path.join(HARNESS, 'run.mjs'),
    'run-all',
    '--targets',
    targets,
    // exec'd by the harness' shell: `env` execs node, so the measured PID is the server itself
    '--cmd',
    `env MERIDIAN_NO_DEMO=1 ${JSON.stringify(process.execPath)} ${JSON.stringify(SERVER_MAIN)}`,
    '--cwd',
    ROOT,
    '--out',
    out,
    ...extra,
  ]
  console.error(`[bench] node ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`)
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: HARNESS, stdio: 'inherit' })
    const forward = (sig) => () => child.kill(sig)
    process.on('SIGINT', forward('SIGINT'))
    process.on('SIGTERM', forward('SIGTERM'))
    child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0)))
  })
  const lines = fs.existsSync(jsonl)
    ? fs.readFileSync(jsonl).subarray(offset).toString('utf8').split('\n').filter(Boolean)
    : []
  return { code, results: lines.map((l) => JSON.parse(l)) }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
