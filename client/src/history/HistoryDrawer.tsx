import type { EntityKind } from '@meridian/model'
import type { Role } from '../views/types.js'
import { CompareView } from './CompareView.js'
import { HistoryPanel } from './HistoryPanel.js'
import type { HistoryState } from './useHistory.js'

/** The shell's right-hand history column: the comparison when one is open, else the list. */
export function HistoryDrawer({
  history,
  role,
  roadmapId,
  token,
  onOpenEntity,
}: {
  history: HistoryState
  role: Role
  roadmapId: string
  token: string
  onOpenEntity(kind: EntityKind, id: string): void
}) {
  if (history.compare)
    return (
      <CompareView
        history={history}
        roadmapId={roadmapId}
        token={token}
        owner={role === 'owner'}
        onOpenEntity={onOpenEntity}
      />
    )
  if (history.panelOpen) return <HistoryPanel history={history} role={role} />
  return null
}
