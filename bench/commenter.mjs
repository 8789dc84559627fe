#!/usr/bin/env node
// The cost of the server's commenter check (`checkCommenterUpdate` in packages/model) on the
// 2,000-feature roadmap (`largeRoadmap`: 2,000 features in 40 lanes) with 400 comment threads
// on it. A commenter's client writes ordinary comments (a reply or a new thread, alternately);
// each update is checked against the server's doc and then applied, as the server does. Only
// the check is timed. Target: under 1 ms per comment. Reported for a commenter who wrote
// nothing before and for one with 500 earlier comments from the same client (the check reads
// every struct of the client it continues; see packages/model/src/client-ownership.ts).
//
//   node bench/commenter.mjs [comments=2000]
// Runs the model from source (tsx), like client/bench/render.mjs.
import { register } from 'tsx/esm/api'

register()
const model = await import('../packages/model/src/index.ts')
// The Yjs the model imports (one copy: Yjs' instanceof checks need it).
const Y = await import(
  new URL('../packages/model/node_modules/yjs/dist/yjs.mjs', import.meta.url).href
)

const COMMENTS = Number(process.argv[2] ?? 2000)
const OWNER = { linkId: 'owner-link', name: 'Olga' }
const CEM = { linkId: 'commenter-link', name: 'Cem' }

function idSource(prefix) {
  let next = 0
  return () => `${prefix}${(next++).toString(36)}`
}

function setup() {
  const server = new Y.Doc()
  server.clientID = 1
  model.largeRoadmap(server, { features: 2000, lanes: 40, seed: 1 })
  const features = [...server.getMap('features').keys()].sort()
  const owner = new model.Comments(server, {
    origin: 'owner',
    author: OWNER,
    createId: idSource('o.'),
  })
  const threads = []
  for (let i = 0; i < 400; i++) {
    const started = owner.startThread(
      { kind: 'features', id: features[(i * 7) % features.length] },
      { text: `Question ${i}` },
    )
    owner.reply(started.threadId, {
      text: 'An answer with a little more text in it',
      mentions: [{ name: 'Cem' }],
    })
    threads.push(started.threadId)
  }
  return { server, features, threads }
}

function client(server, clientID) {
  const doc = new Y.Doc()
  doc.clientID = clientID
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
  return {
    doc,
    comments: new model.Comments(doc, {
      origin: 'cem',
      author: CEM,
      createId: idSource(`c${clientID}.`),
    }),
  }
}

function updateOf(doc, fn) {
  const updates = []
  const listener = (u) => updates.push(u)
  doc.on('update', listener)
  fn()
  doc.off('update', listener)
  return updates.length === 1 ? updates[0] : Y.mergeUpdates(updates)
}

function comment(i, { features, threads }, c) {
  return updateOf(c.doc, () => {
    if (i % 2 === 0)
      c.comments.reply(threads[i % threads.length], {
        text: `Reply ${i}: looks fine to me @Olga`,
        mentions: [{ name: 'Olga' }],
      })
    else
      c.comments.startThread(
        { kind: 'features', id: features[(i * 13) % features.length] },
        { text: `New question ${i}` },
      )
  })
}

function run(label, world, c, count) {
  const times = []
  for (let i = 0; i < count; i++) {
    const update = comment(i, world, c)
    const t0 = performance.now()
    const result = model.checkCommenterUpdate(world.server, update, CEM)
    times.push(performance.now() - t0)
    if (!result.ok) throw new Error(`refused: ${result.reason}`)
    Y.applyUpdate(world.server, result.update)
  }
  times.sort((a, b) => a - b)
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))]
  const mean = times.reduce((a, b) => a + b, 0) / times.length
  console.log(
    `${label.padEnd(44)} n=${count}  mean ${mean.toFixed(3)} ms  p50 ${at(0.5).toFixed(3)} ms  p95 ${at(0.95).toFixed(3)} ms  max ${at(1).toFixed(3)} ms`,
  )
  return { mean, p50: at(0.5), p95: at(0.95) }
}

const world = setup()
console.log(
  `roadmap: 2,000 features, ${world.threads.length} threads, state ${(Y.encodeStateAsUpdate(world.server).length / 1024).toFixed(0)} KiB`,
)
// Warm-up (JIT), then measured runs on fresh clients.
run('warm-up', world, client(world.server, 10), 200)
run('fresh commenter client', world, client(world.server, 11), COMMENTS)
const veteran = client(world.server, 12)
for (let i = 0; i < 500; i++) {
  const update = comment(i + 100_000, world, veteran)
  Y.applyUpdate(world.server, model.checkCommenterUpdate(world.server, update, CEM).update)
}
const result = run('client with 500 earlier comments', world, veteran, COMMENTS)
// For scale: the other design, applying each update to a scratch copy of the doc.
const t0 = performance.now()
const scratch = new Y.Doc()
Y.applyUpdate(scratch, Y.encodeStateAsUpdate(world.server))
console.log(`(one scratch copy of this doc: ${(performance.now() - t0).toFixed(1)} ms)`)
console.log(result.p95 < 1 ? 'target met: p95 under 1 ms per comment' : 'target MISSED: p95 ≥ 1 ms')
