import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { appendEntities } from './bulk.js'
import { collectionOf } from './collections.js'
import { NORMALIZE, fieldsOf } from './normalize.js'
import { readRoadmap } from './read.js'

describe('appendEntities', () => {
  it('stores every schema field of each entity, the given value over the default', () => {
    const doc = new Y.Doc()
    let n = 0
    appendEntities(
      doc,
      'test',
      {
        lanes: [{ ref: 'l', name: 'Payments', color: '#0ea5e9' }],
        resources: [{ ref: 'p', name: 'Ana', kind: 'person' }],
        features: [
          {
            ref: 'f',
            lane: { ref: 'l' },
            title: 'Checkout',
            start: '2026-03-02',
            end: null,
            status: 'in-progress',
            estimate: 5,
            resources: [{ ref: 'p' }],
            description: '',
          },
        ],
        items: [
          {
            feature: { ref: 'f' },
            title: 'Card form',
            status: 'done',
            assignee: null,
            estimate: 2,
          },
        ],
        acceptance: { by: 'Dana', at: '2026-03-12T10:00:00Z' },
      },
      () => `id${++n}`,
    )
    for (const kind of ['lanes', 'resources', 'features', 'items'] as const) {
      const [map] = [...collectionOf(doc, kind).values()] as Y.Map<unknown>[]
      const defaults = Object.keys(NORMALIZE[kind]('x', fieldsOf({})))
      // A feature's health is left unset when the input names none (it reads as the default);
      // its description is the rich-text fragment beside the fields.
      const expected =
        kind === 'features' ? [...defaults.filter((k) => k !== 'health'), 'description'] : defaults
      expect([...map.keys()].sort(), kind).toEqual(expected.sort())
    }
    const data = readRoadmap(doc)
    expect(data.features[0]).toMatchObject({
      title: 'Checkout',
      laneId: data.lanes[0].id,
      resourceIds: [data.resources[0].id],
      estimate: 5,
    })
    expect(data.items[0]).toMatchObject({ featureId: data.features[0].id, acceptedBy: 'Dana' })
  })
})
