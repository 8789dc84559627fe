// The database genuinely runs out of room, in a real server process: its SQLite file is capped
// (MERIDIAN_SQLITE_MAX_MB, SQLite's max_page_count), one roadmap fills it, and SQLite itself
// answers SQLITE_FULL. A cap rather than a small file system: mounting a tmpfs or a loop device
// needs privileges CI containers lack, and RLIMIT_FSIZE makes writes fail with EFBIG, which
// SQLite reports as an I/O error, not as full. Space returns when an owner deletes a large
// snapshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createPrng } from '@meridian/model'
import { CLOSE, ERROR_CODE } from '@meridian/protocol'
import { api, createRoadmap } from './helpers/api.js'
import type { CreatedRoadmap } from './helpers/api.js'
import { RawClient, frames, wsUrl } from './helpers/raw.js'
import type { Decoded } from './helpers/raw.js'
import { startServer } from './helpers/server.js'
import type { ServerProcess } from './helpers/server.js'

const CAP_MB = 2
const CHUNK = 128 * 1024
/** Twice a chunk that no longer fits: it needs more pages than are left. */
const PASTE = 2 * CHUNK
/** Chunks in the archive's snapshot: deleting it frees more than the paste needs. */
const ARCHIVED = 4

/** The map keys the server relayed to `client` (updates and sync answers, applied in order). */
function keysSeen(client: RawClient): string[] {
  const doc = new Y.Doc()
  for (const f of client.received as Decoded[])
    if (f.kind === 'sync-step2' || f.kind === 'sync-update') Y.applyUpdate(doc, f.update)
  return [...doc.getMap('m').keys()].sort()
}

/** Resolves once the server has relayed `key` to `client`. */
async function relayedKey(client: RawClient, key: string): Promise<void> {
  await client.waitForFrame('sync-update', () => keysSeen(client).includes(key))
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const prng = createPrng(4507)

/**
 * One key set to `bytes` of seeded random text (snapshots are deflated: it must not shrink),
 * from a document of its own, so it does not depend on any earlier chunk being stored.
 */
function chunkUpdate(key: string, bytes: number): Uint8Array {
  let text = ''
  for (let i = 0; i < bytes; i++) text += ALPHABET[prng.int(0, 63)]
  const doc = new Y.Doc()
  doc.getMap('m').set(key, text)
  return Y.encodeStateAsUpdate(doc)
}

/** Sends `update` as an editor of `roadmap`; true once a viewer got it, false if refused (4507). */
async function stored(
  server: ServerProcess,
  roadmap: CreatedRoadmap,
  update: Uint8Array,
): Promise<boolean> {
  const viewer = await RawClient.open(wsUrl(server, roadmap.id, roadmap.viewerToken))
  const editor = await RawClient.open(wsUrl(server, roadmap.id, roadmap.editorToken))
  try {
    await editor.waitForFrame('sync-step1')
    await viewer.waitForFrame('sync-step1')
    await editor.send(frames.update(update))
    const relayed = viewer
      .waitForFrame('sync-update', (f) => Y.decodeUpdate(f.update).structs.length > 0)
      .then(() => true)
    const refused = editor.closed.then((c) => {
      if (c.code !== CLOSE.storageFull.code) throw new Error(`closed with ${c.code} ${c.reason}`)
      return false
    })
    return await Promise.race([relayed, refused])
  } finally {
    editor.ws.terminate()
    viewer.ws.terminate()
  }
}

describe('the database out of space, in a real server process', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServer({
      // Compaction rewrites the log; it is not under test here.
      env: { MERIDIAN_SQLITE_MAX_MB: String(CAP_MB), MERIDIAN_IDLE_COMPACT_MS: '3600000' },
    })
  })
  afterAll(async () => {
    if (!server.hasExited()) await server.stop('SIGKILL')
  })

  it('relays nothing unstored, closes writers with 4507, is not ready, answers 507, and recovers', async () => {
    const session = await createRoadmap(server, 'Planning session')
    const archive = await createRoadmap(server, 'Archive')
    const reader = await RawClient.open(wsUrl(server, session.id, session.viewerToken))
    const writer = await RawClient.open(wsUrl(server, session.id, session.editorToken))
    const own = new Y.Doc()
    const edit = (key: string, value: string): Uint8Array => {
      const before = Y.encodeStateVector(own)
      own.getMap('m').set(key, value)
      return Y.encodeStateAsUpdate(own, before)
    }
    await writer.waitForFrame('sync-step1')
    await writer.send(frames.update(edit('agenda', 'Q3 priorities')))
    await relayedKey(reader, 'agenda')
    expect(keysSeen(reader)).toEqual(['agenda'])

    // The archive fills the database, one chunk at a time, until SQLite refuses one; on the
    // way its owner keeps a snapshot of the first chunks.
    let n = 0
    for (; n < ARCHIVED; n++)
      expect(await stored(server, archive, chunkUpdate(`chunk-${n}`, CHUNK))).toBe(true)
    const kept = await api<{ id: string; size: number }>(
      server,
      'POST',
      `/api/roadmaps/${archive.id}/snapshots`,
      { token: archive.ownerToken, body: { name: 'Archive' } },
    )
    expect(kept.status).toBe(201)
    expect(kept.body.size).toBeGreaterThan(PASTE)
    while (await stored(server, archive, chunkUpdate(`chunk-${n}`, CHUNK))) n++
    expect(n).toBeGreaterThan(0)
    expect(n).toBeLessThan((CAP_MB * 1024 * 1024) / CHUNK)
    // Small rows still fit in pages the file already has (SQLite stores what fits): new
    // roadmaps are taken until their tables need a page more, then refused with the JSON error.
    let created = 0
    let refused = await api(server, 'POST', '/api/roadmaps', { body: { title: 'New' } })
    while (refused.status === 201 && created < 1_000) {
      created++
      refused = await api(server, 'POST', '/api/roadmaps', { body: { title: 'New' } })
    }
    expect(refused.status).toBe(507)
    expect(refused.body).toMatchObject({
      error: { code: ERROR_CODE.insufficientStorage, message: expect.any(String) },
    })

    // The session's writer pastes a long text: it cannot be stored.
    const closed = writer.closed
    await writer.send(frames.update(edit('notes', 'y'.repeat(PASTE))))
    expect(await closed).toEqual({
      code: CLOSE.storageFull.code,
      reason: CLOSE.storageFull.reason,
    })
    // SQLite's own refusal, not an error made up for the test.
    expect(server.logs().join('\n')).toContain('database or disk is full')
    // Every socket of the roadmap is told, and none was sent the paste.
    expect((await reader.closed).code).toBe(CLOSE.storageFull.code)
    expect(keysSeen(reader)).toEqual(['agenda'])

    const health = await api(server, 'GET', '/healthz')
    expect(health.status).toBe(503)
    expect(health.body).toMatchObject({ error: { code: ERROR_CODE.insufficientStorage } })
    expect((await api(server, 'POST', '/api/roadmaps', { body: { title: 'New' } })).status).toBe(
      507,
    )

    // A writer that retries before space returns is refused the same way (hence the client's
    // back-off on 4507), and still nothing reaches the other clients.
    const retry = await RawClient.open(wsUrl(server, session.id, session.editorToken))
    const watcher = await RawClient.open(wsUrl(server, session.id, session.viewerToken))
    const sv = await retry.waitForFrame('sync-step1')
    await watcher.send(frames.syncStep1())
    await watcher.waitForFrame('sync-step2')
    await retry.send(frames.syncStep2(Y.encodeStateAsUpdate(own, sv.stateVector)))
    expect((await retry.closed).code).toBe(CLOSE.storageFull.code)
    expect((await watcher.closed).code).toBe(CLOSE.storageFull.code)
    expect(keysSeen(watcher)).toEqual(['agenda'])

    // Space returns: the archive's owner deletes its snapshot.
    const deleted = await api(
      server,
      'DELETE',
      `/api/roadmaps/${archive.id}/snapshots/${kept.body.id}`,
      { token: archive.ownerToken },
    )
    expect(deleted.status).toBe(200)
    expect((await api(server, 'GET', '/healthz')).status).toBe(200)

    // The writer, back after its back-off, sends what the server lacks: stored, then relayed.
    const back = await RawClient.open(wsUrl(server, session.id, session.editorToken))
    const later = await RawClient.open(wsUrl(server, session.id, session.viewerToken))
    const lacking = await back.waitForFrame('sync-step1')
    await later.send(frames.syncStep1())
    await later.waitForFrame('sync-step2')
    await back.send(frames.syncStep2(Y.encodeStateAsUpdate(own, lacking.stateVector)))
    await relayedKey(later, 'notes')
    expect(keysSeen(later)).toEqual(['agenda', 'notes'])
    back.ws.terminate()
    later.ws.terminate()
    expect((await api(server, 'POST', '/api/roadmaps', { body: { title: 'New' } })).status).toBe(
      201,
    )
    expect(server.hasExited()).toBe(false)
  })
})
