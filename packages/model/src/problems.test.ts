import { describe, expect, test } from 'vitest'
import { problems } from './problems.js'
import type { RoadmapData } from './schema.js'
import { fieldsOf, NORMALIZE } from './normalize.js'
import type { EntityByKind, EntityKind } from './schema.js'

function entity<K extends EntityKind>(
  kind: K,
  id: string,
  fields: Record<string, unknown> = {},
): EntityByKind[K] {
  return NORMALIZE[kind](id, fieldsOf(fields)) as EntityByKind[K]
}
const lane = (id: string) => entity('lanes', id)
const goal = (id: string) => entity('goals', id)
const resource = (id: string) => entity('resources', id)
const feature = (id: string, fields: Record<string, unknown>) => entity('features', id, fields)
const milestone = (id: string, fields: Record<string, unknown>) => entity('milestones', id, fields)
const indicator = (id: string, fields: Record<string, unknown>) => entity('indicators', id, fields)
const risk = (id: string, fields: Record<string, unknown>) => entity('risks', id, fields)
const item = (id: string, fields: Record<string, unknown>) => entity('items', id, fields)

function roadmapData(parts: Partial<Omit<RoadmapData, 'meta'>>): RoadmapData {
  return {
    meta: { schemaVersion: 1, title: '', horizonStart: null, horizonEnd: null },
    lanes: [],
    features: [],
    milestones: [],
    goals: [],
    indicators: [],
    risks: [],
    resources: [],
    items: [],
    ...parts,
  }
}

describe('problems', () => {
  test('a consistent roadmap has none', () => {
    const data = roadmapData({
      lanes: [lane('l1')],
      goals: [goal('g1')],
      resources: [resource('r1')],
      features: [feature('f1', { laneId: 'l1', goalIds: ['g1'], resourceIds: ['r1'] })],
    })
    expect(problems(data)).toEqual([])
  })

  test('every kind of dangling reference is reported', () => {
    const data = roadmapData({
      lanes: [lane('l1')],
      features: [
        feature('f1', {
          laneId: 'gone-lane',
          goalIds: ['gone-goal'],
          resourceIds: ['gone-res'],
          dependsOn: ['gone-feature'],
        }),
        feature('f2', { laneId: '' }),
      ],
      milestones: [milestone('m1', { laneId: 'gone-lane' }), milestone('m2', { laneId: null })],
      indicators: [indicator('i1', { goalId: 'gone-goal' })],
      risks: [risk('k1', { ownerId: 'gone-res', featureIds: ['gone-feature'] })],
      items: [item('t1', { featureId: 'gone-feature', assigneeId: 'gone-res' })],
    })
    expect(problems(data)).toEqual([
      { kind: 'features', id: 'f1', field: 'laneId', missingId: 'gone-lane' },
      { kind: 'features', id: 'f1', field: 'goalIds', missingId: 'gone-goal' },
      { kind: 'features', id: 'f1', field: 'resourceIds', missingId: 'gone-res' },
      { kind: 'features', id: 'f1', field: 'dependsOn', missingId: 'gone-feature' },
      { kind: 'features', id: 'f2', field: 'laneId', missingId: '' },
      { kind: 'milestones', id: 'm1', field: 'laneId', missingId: 'gone-lane' },
      { kind: 'indicators', id: 'i1', field: 'goalId', missingId: 'gone-goal' },
      { kind: 'risks', id: 'k1', field: 'ownerId', missingId: 'gone-res' },
      { kind: 'risks', id: 'k1', field: 'featureIds', missingId: 'gone-feature' },
      { kind: 'items', id: 't1', field: 'featureId', missingId: 'gone-feature' },
      { kind: 'items', id: 't1', field: 'assigneeId', missingId: 'gone-res' },
    ])
  })

  test('never throws, even on data that is not a RoadmapData', () => {
    expect(problems({} as RoadmapData)).toEqual([])
    expect(
      problems({ features: [{ id: 'f', goalIds: 'nope' }], items: null } as unknown as RoadmapData),
    ).toEqual([{ kind: 'features', id: 'f', field: 'laneId', missingId: '' }])
  })
})
