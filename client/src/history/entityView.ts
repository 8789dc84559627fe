import type { EntityKind } from '@meridian/model'
import type { ViewId } from '../views/viewRegistry.js'

/** The view that shows an entity of this kind (features open their panel instead). */
export function entityView(kind: EntityKind): ViewId {
  switch (kind) {
    case 'risks':
      return 'risks'
    case 'goals':
    case 'indicators':
      return 'goals'
    case 'resources':
      return 'resources'
    case 'items':
      return 'backlog'
    case 'lanes':
    case 'features':
    case 'milestones':
      return 'timeline'
    default: {
      const unreachable: never = kind
      return unreachable
    }
  }
}
