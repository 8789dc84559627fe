// Every write the backlog view makes, through the session's undo-tracked Roadmap.
import { useMemo } from 'react'
import type {
  FeatureId,
  FeatureStatus,
  ItemId,
  ItemStatus,
  ResourceId,
  Roadmap,
} from '@meridian/model'
import { askName } from '../../identity/namePrompt.js'

export interface RicePatch {
  reach?: number | null
  impact?: number | null
  confidence?: number | null
  effort?: number | null
}

export interface BacklogActions {
  /** `before`: the feature that will come right before it (`null` = first). */
  reorderFeature(id: FeatureId, before: FeatureId | null): void
  /** Places an item in `featureId` after `before` (`null` = first), moving it there if needed. */
  placeItem(id: ItemId, featureId: FeatureId, before: ItemId | null): void
  addItem(featureId: FeatureId, title: string): void
  renameItem(id: ItemId, title: string): void
  assign(id: ItemId, assigneeId: ResourceId | null): void
  estimate(id: ItemId, estimate: number | null): void
  /** `done` is acceptance: signed with the local person's presence name. */
  setStatus(id: ItemId, status: ItemStatus): void
  /** Cancelling an item removes it from scope (deletes it); undo brings it back. */
  cancelItem(id: ItemId): void
  setRice(id: FeatureId, patch: RicePatch): void
  /** From the status prompt ("all items accepted — mark done?"): status stays a decision by hand. */
  setFeatureStatus(id: FeatureId, status: FeatureStatus): void
}

export function useBacklogActions(roadmap: Roadmap, userName: string): BacklogActions {
  return useMemo<BacklogActions>(
    () => ({
      reorderFeature: (id, before) => {
        roadmap.features.reorder(id, { before })
      },
      placeItem: (id, featureId, before) => {
        const item = roadmap.items.get(id)
        if (!item) return
        if (item.featureId === featureId) roadmap.items.reorder(id, { before })
        else roadmap.items.move(id, featureId, { before })
      },
      addItem: (featureId, title) => {
        roadmap.items.create({ featureId, title })
      },
      renameItem: (id, title) => {
        roadmap.items.update(id, { title })
      },
      assign: (id, assigneeId) => {
        roadmap.items.update(id, { assigneeId })
      },
      estimate: (id, estimate) => {
        roadmap.items.update(id, { estimate })
      },
      setStatus: (id, status) => {
        // An acceptance records who accepted: ask for the person's name first if needed.
        if (status === 'done')
          void askName().then((name) =>
            roadmap.items.setStatus(id, status, {
              by: name ?? userName,
              at: new Date().toISOString(),
            }),
          )
        else roadmap.items.setStatus(id, status)
      },
      cancelItem: (id) => {
        roadmap.items.delete(id)
      },
      setRice: (id, patch) => {
        roadmap.features.update(id, patch)
      },
      setFeatureStatus: (id, status) => {
        roadmap.features.update(id, { status })
      },
    }),
    [roadmap, userName],
  )
}
