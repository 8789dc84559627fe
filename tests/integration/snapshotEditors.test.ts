// Who edited between snapshots, through a real server process: the names the connections
// gave (`?name=`) are stored with their updates, listed with the next snapshot taken, and
// still there after the server is killed and started again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import type { ListedSnapshot, SnapshotList } from '@meridian/protocol'
import { api, createRoadmap } from './helpers/api.js'
import { connectedProvider, destroyAll } from './helpers/provider.js'
import { ServerFixture } from './helpers/server.js'
import { waitForDoc } from './helpers/wait.js'

const note = (p: WebsocketProvider, text: string) =>
  p.doc.transact(() => p.doc.getMap('roadmap').set('note', text), 'test')

describe('snapshot editors', () => {
  const fx = new ServerFixture()
  const providers: WebsocketProvider[] = []
  beforeAll(async () => {
    await fx.start()
  })
  afterAll(async () => {
    destroyAll(...providers)
    await fx.dispose()
  })

  it('lists the people who edited since the previous snapshot, across a restart', async () => {
    const roadmap = await createRoadmap(fx.server, 'Editors')
    const open = async (name?: string) => {
      const p = await connectedProvider(fx.server, roadmap.id, roadmap.editorToken, { name })
      providers.push(p)
      return p
    }
    const snapshot = async (name: string) => {
      const r = await api<{ id: string }>(
        fx.server,
        'POST',
        `/api/roadmaps/${roadmap.id}/snapshots`,
        {
          token: roadmap.ownerToken,
          body: { name },
        },
      )
      expect(r.status).toBe(201)
      return r.body.id
    }
    const list = async (): Promise<ListedSnapshot[]> => {
      const r = await api<SnapshotList>(fx.server, 'GET', `/api/roadmaps/${roadmap.id}/snapshots`, {
        token: roadmap.viewerToken,
      })
      expect(r.status).toBe(200)
      return r.body.snapshots
    }
    // An edit is stored before it is relayed: once the other side has it, it is stored.
    const edit = async (by: WebsocketProvider, seenBy: WebsocketProvider, text: string) => {
      note(by, text)
      await waitForDoc(seenBy.doc, () => seenBy.doc.getMap('roadmap').get('note') === text, text)
    }

    const first = await snapshot('Before anyone')
    const ana = await open('Ana Lima')
    const ben = await open('Ben Osei')
    await edit(ben, ana, 'ben was here')
    await edit(ana, ben, 'ana was here')
    await edit(ben, ana, 'ben again')
    const second = await snapshot('After Ana and Ben')
    destroyAll(ana, ben)

    await fx.restart('SIGKILL')
    const watcher = await open('Watcher')
    const anonymous = await open()
    await edit(anonymous, watcher, 'no name given')
    const third = await snapshot('After someone')

    const byId = new Map((await list()).map((s) => [s.id, s.editors]))
    expect(byId.get(first)).toEqual([])
    expect(byId.get(second)).toEqual([{ name: 'Ben Osei' }, { name: 'Ana Lima' }])
    expect(byId.get(third)).toEqual([{ name: null }])
  })
})
