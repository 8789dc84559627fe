// Dangling references: what concurrent deletes (or a deleted lane) leave behind. The UI
// shows them and offers a fix; nothing crashes on them.

import type { EntityKind, RoadmapData } from './schema.js'

export interface Problem {
  /** The collection of the entity holding the reference. */
  kind: EntityKind
  id: string
  /** The field holding the reference (`laneId`, `goalIds`, …). */
  field: string
  /** The id it refers to that does not exist (`''` for a required reference left empty). */
  missingId: string
}

/** Every dangling reference in `data`, in collection then display order. Never throws. */
export function problems(data: RoadmapData): Problem[] {
  const ids = (list: ReadonlyArray<{ id: string }> | undefined) =>
    new Set((list ?? []).map((e) => e.id))
  const lanes = ids(data.lanes)
  const features = ids(data.features)
  const goals = ids(data.goals)
  const resources = ids(data.resources)
  const found: Problem[] = []
  const check = (
    kind: EntityKind,
    id: string,
    field: string,
    ref: unknown,
    known: Set<string>,
    required: boolean,
  ) => {
    if (typeof ref === 'string' && ref !== '') {
      if (!known.has(ref)) found.push({ kind, id, field, missingId: ref })
    } else if (required) {
      found.push({ kind, id, field, missingId: '' })
    }
  }
  const checkAll = (
    kind: EntityKind,
    id: string,
    field: string,
    refs: unknown,
    known: Set<string>,
  ) => {
    if (!Array.isArray(refs)) return
    for (const ref of refs) check(kind, id, field, ref, known, false)
  }

  for (const f of data.features ?? []) {
    check('features', f.id, 'laneId', f.laneId, lanes, true)
    checkAll('features', f.id, 'goalIds', f.goalIds, goals)
    checkAll('features', f.id, 'resourceIds', f.resourceIds, resources)
    checkAll('features', f.id, 'dependsOn', f.dependsOn, features)
  }
  for (const m of data.milestones ?? []) check('milestones', m.id, 'laneId', m.laneId, lanes, false)
  for (const i of data.indicators ?? []) check('indicators', i.id, 'goalId', i.goalId, goals, false)
  for (const r of data.risks ?? []) {
    check('risks', r.id, 'ownerId', r.ownerId, resources, false)
    checkAll('risks', r.id, 'featureIds', r.featureIds, features)
  }
  for (const item of data.items ?? []) {
    check('items', item.id, 'featureId', item.featureId, features, true)
    check('items', item.id, 'assigneeId', item.assigneeId, resources, false)
  }
  return found
}
