// Moving cards between columns (sets `horizon`) and within them (backlog rank), by
// HTML drag and drop or from the keyboard.
import { useState } from 'react'
import type { DragEvent } from 'react'
import type { Feature, FeatureId, Roadmap } from '@meridian/model'
import type { Horizon } from './horizons.js'

const MIME = 'application/x-meridian-feature'

export function useBoardDnd(
  roadmap: Roadmap,
  columns: Record<Horizon, Feature[]>,
  readOnly: boolean,
) {
  const [over, setOver] = useState<{ horizon: Horizon; beforeId: FeatureId | null } | null>(null)

  const place = (id: FeatureId, horizon: Horizon, beforeId: FeatureId | null) => {
    const column = columns[horizon].filter((f) => f.id !== id)
    roadmap.transact((r) => {
      r.features.update(id, { horizon })
      if (beforeId && beforeId !== id) r.features.reorder(id, { after: beforeId })
      else if (!beforeId && column.length > 0)
        r.features.reorder(id, { before: column[column.length - 1].id })
    })
  }

  const cardProps = (feature: Feature, horizon: Horizon) =>
    readOnly
      ? {}
      : {
          draggable: true,
          onDragStart: (e: DragEvent) => {
            e.dataTransfer.setData(MIME, feature.id)
            e.dataTransfer.setData('text/plain', feature.title)
            e.dataTransfer.effectAllowed = 'move'
          },
          onDragOver: (e: DragEvent) => {
            if (!e.dataTransfer.types.includes(MIME)) return
            e.preventDefault()
            e.stopPropagation()
            setOver({ horizon, beforeId: feature.id })
          },
          onDrop: (e: DragEvent) => {
            const id = e.dataTransfer.getData(MIME) as FeatureId
            if (!id) return
            e.preventDefault()
            e.stopPropagation()
            setOver(null)
            place(id, horizon, feature.id)
          },
          onDragEnd: () => setOver(null),
        }

  const columnProps = (horizon: Horizon) =>
    readOnly
      ? {}
      : {
          onDragOver: (e: DragEvent) => {
            if (!e.dataTransfer.types.includes(MIME)) return
            e.preventDefault()
            setOver({ horizon, beforeId: null })
          },
          onDragLeave: (e: DragEvent) => {
            if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node)) setOver(null)
          },
          onDrop: (e: DragEvent) => {
            const id = e.dataTransfer.getData(MIME) as FeatureId
            if (!id) return
            e.preventDefault()
            setOver(null)
            place(id, horizon, null)
          },
        }

  return { over, cardProps, columnProps, place }
}
