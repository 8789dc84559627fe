// Only an owner sets the baseline (baselineGuard.ts), over a real server and real sockets: an
// editor's change of it is reverted for everyone; the owner's stands; other meta edits of the
// editor stand.
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { BASELINE_KEY, ROOT } from '@meridian/model'
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { MeridianServer } from '../app.js'
import { create, provider, start, synced, tempDir, until } from '../testing/harness.js'

const open: { server: MeridianServer; dir: string; providers: WebsocketProvider[] }[] = []
afterEach(async () => {
  for (const o of open.splice(0)) {
    for (const p of o.providers) p.destroy()
    await o.server.close()
    fs.rmSync(o.dir, { recursive: true, force: true })
  }
})

const meta = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.roadmap)
const baseline = (doc: Y.Doc) => meta(doc).get(BASELINE_KEY)

describe('the baseline', () => {
  it('is set by an owner; an editor’s change is reverted for everyone', async () => {
    const dir = tempDir()
    const server = await start(dir)
    const r = await create(server)
    const owner = provider(server, r.id, r.ownerToken)
    const editor = provider(server, r.id, r.editorToken)
    const viewer = provider(server, r.id, r.viewerToken)
    open.push({ server, dir, providers: [owner, editor, viewer] })
    await Promise.all([synced(owner), synced(editor), synced(viewer)])

    meta(owner.doc).set(BASELINE_KEY, 'snap-1')
    await until(editor.doc, () => baseline(editor.doc) === 'snap-1', 'the owner’s baseline')

    // The editor's client writes another baseline (and a title): the title stays, the
    // baseline goes back.
    editor.doc.transact(() => {
      meta(editor.doc).set(BASELINE_KEY, 'snap-2')
      meta(editor.doc).set('title', 'Renamed by the editor')
    })
    await until(
      viewer.doc,
      () => meta(viewer.doc).get('title') === 'Renamed by the editor',
      'title',
    )
    await until(viewer.doc, () => baseline(viewer.doc) === 'snap-1', 'viewer has the owner’s')
    await until(editor.doc, () => baseline(editor.doc) === 'snap-1', 'the editor is corrected')

    // Clearing it is a change too.
    meta(editor.doc).delete(BASELINE_KEY)
    await until(editor.doc, () => baseline(editor.doc) === 'snap-1', 'the clear is reverted')

    // A newcomer loads the owner's baseline.
    const later = provider(server, r.id, r.viewerToken)
    open[0]!.providers.push(later)
    await synced(later)
    expect(baseline(later.doc)).toBe('snap-1')

    // The owner moves or clears it at will.
    meta(owner.doc).delete(BASELINE_KEY)
    await until(later.doc, () => baseline(later.doc) === undefined, 'the owner clears it')
    // An editor cannot set one where none is.
    meta(editor.doc).set(BASELINE_KEY, 'snap-3')
    await until(editor.doc, () => baseline(editor.doc) === undefined, 'no baseline again')
    expect(baseline(later.doc)).toBeUndefined()
  })
})
