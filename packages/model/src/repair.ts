// Fixing a dangling reference reported by `problems()`: drop it, or point it elsewhere.

import { entityMap } from './collections.js'
import type { WriteContext } from './context.js'
import { idList } from './normalize.js'
import type { Problem } from './problems.js'

/** Reference fields holding a list of ids. */
const LIST_FIELDS = new Set(['goalIds', 'resourceIds', 'dependsOn', 'featureIds'])
/** Single references that may be empty. */
const OPTIONAL_FIELDS = new Set([
  'laneId:milestones',
  'goalId:indicators',
  'ownerId:risks',
  'assigneeId:items',
])
/** Single references an entity cannot do without: only a replacement fixes them. */
const REQUIRED_FIELDS = new Set(['laneId:features', 'featureId:items'])

/**
 * Repairs one problem: a list loses the missing id (or has it replaced), an optional
 * reference is cleared (or replaced), a required one (a feature's lane, an item's feature)
 * needs `replacement`. False when nothing was written: the entity is gone, the reference
 * already changed (another peer fixed it), or a required reference got no replacement.
 */
export function repairProblem(ctx: WriteContext, problem: Problem, replacement?: string): boolean {
  return ctx.transact(() => {
    const map = entityMap(ctx.doc, problem.kind, problem.id)
    if (!map) return false
    const { field, missingId } = problem
    if (LIST_FIELDS.has(field)) {
      const ids = idList<string>(map.get(field))
      if (!ids.includes(missingId)) return false
      const next = ids.flatMap((id) =>
        id !== missingId ? [id] : replacement && !ids.includes(replacement) ? [replacement] : [],
      )
      map.set(field, next)
      return true
    }
    const key = `${field}:${problem.kind}`
    if (!OPTIONAL_FIELDS.has(key) && !REQUIRED_FIELDS.has(key)) return false
    const current = map.get(field)
    if ((current ?? '') !== missingId) return false
    if (replacement !== undefined) map.set(field, replacement)
    else if (OPTIONAL_FIELDS.has(key)) map.set(field, null)
    else return false
    return true
  })
}
