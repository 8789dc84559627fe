// Options and derived numbers for the feature panel, from the snapshot.
import { useMemo } from 'react'
import { progressOf, riceOf, formatDay } from '@meridian/model'
import type { Feature, RoadmapData } from '@meridian/model'
import type { ChipOption } from './ChipPicker.js'

export function usePanelFields(data: RoadmapData, feature: Feature) {
  return useMemo(() => {
    const goals: ChipOption[] = data.goals.map((g) => ({
      id: g.id,
      label: g.title || 'Untitled goal',
      hint: g.status,
    }))
    const resources: ChipOption[] = data.resources.map((r) => ({
      id: r.id,
      label: r.name || 'Unnamed',
      hint: r.role || r.kind,
    }))
    const laneColor = new Map(data.lanes.map((l) => [l.id, l.color]))
    const dependencies: ChipOption[] = data.features
      .filter((f) => f.id !== feature.id)
      .map((f) => ({
        id: f.id,
        label: f.title || 'Untitled feature',
        hint: f.end ? `ends ${formatDay(f.end)}` : 'undated',
        color: laneColor.get(f.laneId),
      }))
    const items = data.items.filter((i) => i.featureId === feature.id)
    const doneItems = items.filter((i) => i.status === 'done').length
    const risks = data.risks.filter(
      (r) => r.featureIds.includes(feature.id) && r.status !== 'closed',
    )
    const rice = riceOf(feature)
    const progress = progressOf(feature.status, items)
    const dependents = data.features.filter((f) => f.dependsOn.includes(feature.id))
    return { goals, resources, dependencies, items, doneItems, risks, rice, dependents, progress }
  }, [data, feature])
}
