// A big import does not hold up other requests, in a real server process: imports are parsed
// and built off the event loop (server/src/roadmaps/importer.ts), so a health check and a small
// request sent while large imports are being built answer first. Shown by the order in which
// the answers arrive, not by how long anything took: were the build synchronous in the request
// handler, the event loop would read the health check only after a build had answered.
import http from 'node:http'
import { exportRoadmap, largeRoadmap } from '@meridian/model'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from './helpers/server.js'
import type { ServerProcess } from './helpers/server.js'

/** Imports sent at once: the importer takes one at a time, with room for four waiting. */
const PARALLEL = 3

function exported(features: number, lanes: number): string {
  const doc = new Y.Doc()
  largeRoadmap(doc, { features, lanes, seed: 11 })
  return JSON.stringify(exportRoadmap(doc))
}

interface Sent {
  /** Resolves once the whole body is handed to the socket. */
  written: Promise<void>
  /** Resolves with the status once the answer has arrived. */
  answered: Promise<number>
}

function postImport(server: ServerProcess, body: string): Sent {
  const req = http.request(server.origin + '/api/roadmaps/import', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  })
  const answered = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
  })
  const written = new Promise<void>((resolve) => req.end(body, () => resolve()))
  return { written, answered }
}

describe('imports off the request path, in a real server process', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    if (!server.hasExited()) await server.stop('SIGKILL')
  })

  it('a health check and a small request answer before large imports being built', async () => {
    const body = exported(2_000, 20)
    const events: string[] = []
    const imports = Array.from({ length: PARALLEL }, () => postImport(server, body))
    const importsAnswered = imports.map((s, i) =>
      s.answered.then((status) => events.push(`import ${i} ${status}`)),
    )
    await Promise.all(imports.map((s) => s.written))

    const health = await fetch(server.origin + '/healthz')
    events.push(`healthz ${health.status}`)
    const info = await fetch(server.origin + '/api/roadmaps', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Small' }),
    })
    events.push(`create ${info.status}`)
    await Promise.all(importsAnswered)

    expect(events.slice(0, 2)).toEqual(['healthz 200', 'create 201'])
    expect(events.slice(2).sort()).toEqual(
      Array.from({ length: PARALLEL }, (_, i) => `import ${i} 201`),
    )
    expect(server.hasExited()).toBe(false)
  })
})
