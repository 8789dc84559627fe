import { register } from 'tsx/esm/api'
register()
const Y = await import(new URL('../server/node_modules/yjs/dist/yjs.mjs', import.meta.url).href)
const model = await import('../packages/model/src/index.ts')
const { largeRoadmap, Roadmap, readRoadmap, exportRoadmap, addDays } = model
const doc = new Y.Doc()
largeRoadmap(doc, { features: 500, lanes: 10, seed: 1 })
const r = new Roadmap(doc, { origin: 'b' })
const feats = readRoadmap(doc).features
for (let d = 0; d < 200; d++) r.transact(() => { for (let i = 0; i < 25; i++) { const f = feats[(d * 25 + i) % feats.length]; r.features.update(f.id, { title: f.title + d, status: ['planned','done'][d%2] }) } })
const state = Y.encodeStateAsUpdate(doc)
console.log('state kB', (state.byteLength / 1024).toFixed(0))
const time = (label, f) => { const ts = []; for (let i = 0; i < 15; i++) { const t0 = performance.now(); f(); ts.push(performance.now() - t0) } ts.sort((a, b) => a - b); console.log(label, ts[7].toFixed(1), ts[0].toFixed(1)) }
time('apply gc', () => { const d = new Y.Doc(); Y.applyUpdate(d, state); d.destroy() })
time('apply nogc', () => { const d = new Y.Doc({ gc: false }); Y.applyUpdate(d, state); d.destroy() })
time('apply nogc+read+export', () => { const d = new Y.Doc({ gc: false }); Y.applyUpdate(d, state); readRoadmap(d); exportRoadmap(d); d.destroy() })
time('apply gc+read+export', () => { const d = new Y.Doc(); Y.applyUpdate(d, state); readRoadmap(d); exportRoadmap(d); d.destroy() })
const v2 = Y.convertUpdateFormatV1ToV2(state)
console.log('v2 kB', (v2.byteLength / 1024).toFixed(0))
time('applyV2 nogc', () => { const d = new Y.Doc({ gc: false }); Y.applyUpdateV2(d, v2); d.destroy() })
