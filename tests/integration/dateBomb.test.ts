// A roadmap whose features run from year 1 to year 9999, written by an editor through a real
// provider: the server's backlog and report answer it (the features count as undated) instead
// of walking ten thousand years of weeks per feature while every other request waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Roadmap } from '@meridian/model'
import type { ResourceId } from '@meridian/model'
import { api, createRoadmap } from './helpers/api.js'
import { connectedProvider, destroyAll } from './helpers/provider.js'
import { startServer } from './helpers/server.js'
import type { ServerProcess } from './helpers/server.js'
import { waitForDoc } from './helpers/wait.js'

const FEATURES = 100

describe('a roadmap with dates over the whole calendar', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    if (!server.hasExited()) await server.stop('SIGKILL')
  })

  it('gets its backlog and report answered, every bomb feature undated', async () => {
    const created = await createRoadmap(server, 'Forever')
    const editor = await connectedProvider(server, created.id, created.editorToken)
    const viewer = await connectedProvider(server, created.id, created.viewerToken)
    try {
      const roadmap = new Roadmap(editor.doc, { origin: 'bomb' })
      const lane = roadmap.lanes.create({ name: 'Lane' })
      const ana = roadmap.resources.create({ name: 'Ana', capacity: 5 }) as ResourceId
      for (let i = 0; i < FEATURES; i++) {
        roadmap.features.create({
          laneId: lane,
          title: `Forever ${i}`,
          start: '0001-01-01',
          end: '9999-12-31',
          resourceIds: [ana],
          estimate: 10,
        })
      }
      await waitForDoc(
        viewer.doc,
        () => viewer.doc.getMap('features').size === FEATURES,
        'the viewer sees every feature',
      )
      const query = `?today=2026-03-11`
      const backlog = await api<{ entries: { flags: { late: boolean } }[] }>(
        server,
        'GET',
        `/api/roadmaps/${created.id}/backlog${query}`,
        { token: created.viewerToken },
      )
      expect(backlog.status).toBe(200)
      expect(backlog.body.entries).toHaveLength(FEATURES)
      expect(backlog.body.entries.every((entry) => !entry.flags.late)).toBe(true)
      const report = await api<{ summary: { features: number; late: number } }>(
        server,
        'GET',
        `/api/roadmaps/${created.id}/report${query}`,
        { token: created.viewerToken },
      )
      expect(report.status).toBe(200)
      expect(report.body.summary).toMatchObject({ features: FEATURES, late: 0 })
    } finally {
      destroyAll(editor, viewer)
    }
  })
})
