// The importer keeps its worker thread between imports (starting one is tens of milliseconds
// of CPU beside people's edits), retires it after a large import so the memory that import
// grew is given back, and lets no failed import stop the next.
import { exportRoadmap, largeRoadmap } from '@meridian/model'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { Importer, RETIRE_AFTER_BYTES } from './importer.js'

const job = (text: string) => ({
  body: new Uint8Array(Buffer.from(text)),
  maxEntities: 100_000,
  origin: 'import',
})

function exported(features: number): string {
  const doc = new Y.Doc()
  largeRoadmap(doc, { features, lanes: 4, seed: 5 })
  return JSON.stringify(exportRoadmap(doc))
}

describe('Importer', () => {
  let importer: Importer
  afterEach(async () => {
    await importer.close()
  })

  it('builds imports in turn in one worker, refused ones included', async () => {
    importer = new Importer()
    const small = exported(20)
    const results = await Promise.all([
      importer.run(job(small)),
      importer.run(job('{ not json')),
      importer.run(job(JSON.stringify({ format: 'meridian-roadmap', version: 99 }))),
      importer.run(job(small)),
    ])
    expect(results.map((r) => (r.ok ? 'ok' : r.kind))).toEqual(['ok', 'json', 'invalid', 'ok'])
    const [first, , , last] = results
    if (!first.ok || !last.ok) throw new Error('unreachable')
    // the built document, not just an answer: the same roadmap both times
    const doc = new Y.Doc()
    Y.applyUpdate(doc, last.state)
    expect(exportRoadmap(doc).features).toEqual(JSON.parse(small).features)
    expect(importer.started).toBe(1)
  })

  it('retires the worker after an import larger than its threshold', async () => {
    importer = new Importer()
    const small = exported(20)
    // valid JSON of more than the threshold: whitespace around a small export
    const large = small + ' '.repeat(RETIRE_AFTER_BYTES)
    expect((await importer.run(job(small))).ok).toBe(true)
    expect((await importer.run(job(large))).ok).toBe(true)
    expect(importer.started).toBe(1)
    expect((await importer.run(job(small))).ok).toBe(true)
    expect(importer.started).toBe(2)
  })
})
