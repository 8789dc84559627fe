// `compareRoadmaps(from, to, dates)`: what changed between two versions of a roadmap (two
// `readRoadmap` results), as a grouped change list plus the per-feature and per-milestone
// detail a timeline draws. Pure: the calendar dates of the versions are given.

import { CHANGE_GROUP, CHANGE_GROUPS, CHANGE_TYPE } from './compareTypes.js'
import type {
  Change,
  ChangeGroup,
  ChangeType,
  ChangeValue,
  FeatureDiff,
  MilestoneDiff,
  RoadmapComparison,
} from './compareTypes.js'
import { diffDays } from './dates.js'
import { quantity, riskScore, round } from './deriveCommon.js'
import { horizonOf, indicatorProgress } from './indicatorProgress.js'
import type { EntityKind, Feature, IsoDate, RoadmapData } from './schema.js'

export interface CompareDates {
  /** The calendar date of the older version (its "today" for on-track verdicts). */
  fromDate: IsoDate
  toDate: IsoDate
}

type Groups = Record<ChangeGroup, Change[]>

export function compareRoadmaps(
  from: RoadmapData,
  to: RoadmapData,
  dates: CompareDates,
): RoadmapComparison {
  const groups = Object.fromEntries(CHANGE_GROUPS.map((g) => [g, []])) as unknown as Groups
  const add = (
    group: ChangeGroup,
    type: ChangeType,
    kind: EntityKind,
    entity: { id: string },
    title: string,
    field: string | null = null,
    values: [ChangeValue, ChangeValue] = [null, null],
    days: number | null = null,
  ) => {
    groups[group].push({
      group,
      type,
      kind,
      id: entity.id,
      title,
      field,
      from: values[0],
      to: values[1],
      days,
    })
  }
  const laneName = (data: RoadmapData, id: string) =>
    data.lanes.find((lane) => lane.id === id)?.name ?? id
  const features: FeatureDiff[] = []
  const milestones: MilestoneDiff[] = []

  for (const [a, b] of pairs(from.features, to.features)) {
    const entity = (b ?? a)!
    const title = entity.title
    if (!a || !b) {
      add(
        CHANGE_GROUP.scope,
        a ? CHANGE_TYPE.removed : CHANGE_TYPE.added,
        'features',
        entity,
        title,
      )
      features.push(featureDiff(a, b))
      continue
    }
    const datesMoved = a.start !== b.start || a.end !== b.end
    if (datesMoved) {
      const diff = featureDiff(a, b)
      add(
        CHANGE_GROUP.schedule,
        dateChange(a, b),
        'features',
        b,
        title,
        'dates',
        [interval(a), interval(b)],
        diff.endDays,
      )
    }
    if (a.laneId !== b.laneId) {
      add(CHANGE_GROUP.schedule, CHANGE_TYPE.laneChanged, 'features', b, title, 'laneId', [
        laneName(from, a.laneId),
        laneName(to, b.laneId),
      ])
    }
    if (datesMoved || a.laneId !== b.laneId) features.push(featureDiff(a, b))
    if (a.estimate !== b.estimate)
      add(CHANGE_GROUP.scope, CHANGE_TYPE.estimateChanged, 'features', b, title, 'estimate', [
        a.estimate,
        b.estimate,
      ])
    if (a.status !== b.status)
      add(CHANGE_GROUP.status, CHANGE_TYPE.statusChanged, 'features', b, title, 'status', [
        a.status,
        b.status,
      ])
    if (a.health !== b.health)
      add(CHANGE_GROUP.status, CHANGE_TYPE.healthChanged, 'features', b, title, 'health', [
        a.health,
        b.health,
      ])
  }

  for (const [a, b] of pairs(from.milestones, to.milestones)) {
    const entity = (b ?? a)!
    const moved = !a || !b || a.date !== b.date || a.laneId !== b.laneId
    const days = a?.date && b?.date ? diffDays(b.date, a.date) : null
    if (moved) {
      const place = (m: typeof a) => (m ? { date: m.date, laneId: m.laneId } : null)
      milestones.push({
        id: entity.id,
        title: entity.title,
        before: place(a),
        after: place(b),
        days,
      })
    }
    if (!a || !b) {
      add(
        CHANGE_GROUP.scope,
        a ? CHANGE_TYPE.removed : CHANGE_TYPE.added,
        'milestones',
        entity,
        entity.title,
      )
      continue
    }
    if (a.date !== b.date)
      add(
        CHANGE_GROUP.schedule,
        CHANGE_TYPE.milestoneMoved,
        'milestones',
        b,
        b.title,
        'date',
        [a.date, b.date],
        days,
      )
    if (a.status !== b.status)
      add(CHANGE_GROUP.status, CHANGE_TYPE.statusChanged, 'milestones', b, b.title, 'status', [
        a.status,
        b.status,
      ])
  }

  for (const [a, b] of pairs(from.items, to.items)) {
    const entity = (b ?? a)!
    if (!a || !b) {
      add(
        CHANGE_GROUP.scope,
        a ? CHANGE_TYPE.removed : CHANGE_TYPE.added,
        'items',
        entity,
        entity.title,
      )
      continue
    }
    if (a.estimate !== b.estimate)
      add(CHANGE_GROUP.scope, CHANGE_TYPE.estimateChanged, 'items', b, b.title, 'estimate', [
        a.estimate,
        b.estimate,
      ])
    if (a.status !== b.status) {
      const accepted = b.status === 'done' && b.acceptedAt !== null
      const type = accepted ? CHANGE_TYPE.accepted : CHANGE_TYPE.statusChanged
      add(CHANGE_GROUP.status, type, 'items', b, b.title, 'status', [a.status, b.status])
    }
  }

  for (const [a, b] of pairs(from.goals, to.goals)) {
    const entity = (b ?? a)!
    if (!a || !b)
      add(
        CHANGE_GROUP.goals,
        a ? CHANGE_TYPE.removed : CHANGE_TYPE.added,
        'goals',
        entity,
        entity.title,
      )
    else if (a.status !== b.status)
      add(CHANGE_GROUP.goals, CHANGE_TYPE.statusChanged, 'goals', b, b.title, 'status', [
        a.status,
        b.status,
      ])
  }

  const horizonA = horizonOf(from.meta.horizonStart, from.meta.horizonEnd, from.features)
  const horizonB = horizonOf(to.meta.horizonStart, to.meta.horizonEnd, to.features)
  for (const [a, b] of pairs(from.indicators, to.indicators)) {
    const entity = (b ?? a)!
    if (!a || !b) {
      add(
        CHANGE_GROUP.goals,
        a ? CHANGE_TYPE.removed : CHANGE_TYPE.added,
        'indicators',
        entity,
        entity.name,
      )
      continue
    }
    const pa = indicatorProgress(a, horizonA, dates.fromDate)
    const pb = indicatorProgress(b, horizonB, dates.toDate)
    if (pa.current !== pb.current)
      add(CHANGE_GROUP.goals, CHANGE_TYPE.valueChanged, 'indicators', b, b.name, 'current', [
        pa.current,
        pb.current,
      ])
    if (pa.target !== pb.target)
      add(CHANGE_GROUP.goals, CHANGE_TYPE.targetChanged, 'indicators', b, b.name, 'target', [
        pa.target,
        pb.target,
      ])
    if (pa.onTrack !== pb.onTrack)
      add(CHANGE_GROUP.goals, CHANGE_TYPE.onTrackChanged, 'indicators', b, b.name, 'onTrack', [
        pa.onTrack,
        pb.onTrack,
      ])
  }

  for (const [a, b] of pairs(from.risks, to.risks)) {
    const entity = (b ?? a)!
    if (!a || !b) {
      add(
        CHANGE_GROUP.risks,
        a ? CHANGE_TYPE.removed : CHANGE_TYPE.added,
        'risks',
        entity,
        entity.title,
      )
      continue
    }
    if (a.status !== b.status) {
      const type =
        b.status === 'closed'
          ? CHANGE_TYPE.closed
          : a.status === 'closed'
            ? CHANGE_TYPE.reopened
            : CHANGE_TYPE.statusChanged
      add(CHANGE_GROUP.risks, type, 'risks', b, b.title, 'status', [a.status, b.status])
    }
    const [sa, sb] = [riskScore(a), riskScore(b)]
    if (sa !== sb)
      add(CHANGE_GROUP.risks, CHANGE_TYPE.scoreChanged, 'risks', b, b.title, 'score', [sa, sb])
  }

  const changes = CHANGE_GROUPS.flatMap((group) => groups[group])
  const count = (type: ChangeType, kind: EntityKind) =>
    changes.filter((c) => c.type === type && c.kind === kind)
  const slipped = count(CHANGE_TYPE.slipped, 'features')
  const pulledIn = count(CHANGE_TYPE.pulledIn, 'features')
  return {
    title: to.meta.title,
    fromDate: dates.fromDate,
    toDate: dates.toDate,
    summary: {
      featuresSlipped: slipped.length,
      slipDays: slipped.reduce((sum, c) => sum + (c.days ?? 0), 0),
      featuresPulledIn: pulledIn.length,
      pullInDays: pulledIn.reduce((sum, c) => sum - (c.days ?? 0), 0),
      milestonesMoved: count(CHANGE_TYPE.milestoneMoved, 'milestones').length,
      featuresAdded: count(CHANGE_TYPE.added, 'features').length,
      featuresRemoved: count(CHANGE_TYPE.removed, 'features').length,
      itemsAdded: count(CHANGE_TYPE.added, 'items').length,
      itemsRemoved: count(CHANGE_TYPE.removed, 'items').length,
      estimateBefore: scopeEstimate(from),
      estimateAfter: scopeEstimate(to),
    },
    changes,
    features,
    milestones,
  }
}

/**
 * Estimated work in scope: per feature not cancelled, its items' estimates when they carry
 * any, else its own estimate (missing counts as 0).
 */
export function scopeEstimate(data: RoadmapData): number {
  const itemTotals = new Map<string, number>()
  for (const item of data.items) {
    const estimate = quantity(item.estimate)
    if (estimate !== null)
      itemTotals.set(item.featureId, (itemTotals.get(item.featureId) ?? 0) + estimate)
  }
  let total = 0
  for (const feature of data.features) {
    if (feature.status === 'cancelled') continue
    const items = itemTotals.get(feature.id) ?? 0
    total += items > 0 ? items : (quantity(feature.estimate) ?? 0)
  }
  return round(total)
}

/** Entities of both versions by id: the newer version's order, then those only in the older. */
function pairs<T extends { id: string }>(
  from: readonly T[],
  to: readonly T[],
): Array<[T | undefined, T | undefined]> {
  const older = new Map(from.map((entity) => [entity.id, entity]))
  const result: Array<[T | undefined, T | undefined]> = to.map((b) => [older.get(b.id), b])
  const newer = new Set(to.map((entity) => entity.id))
  for (const a of from) if (!newer.has(a.id)) result.push([a, undefined])
  return result
}

function dateChange(a: Feature, b: Feature): ChangeType {
  const dated = (f: Feature) => f.start !== null || f.end !== null
  if (!dated(a)) return CHANGE_TYPE.scheduled
  if (!dated(b)) return CHANGE_TYPE.unscheduled
  if (a.end !== null && b.end !== null && a.end !== b.end)
    return b.end > a.end ? CHANGE_TYPE.slipped : CHANGE_TYPE.pulledIn
  return CHANGE_TYPE.resized
}

function featureDiff(a: Feature | undefined, b: Feature | undefined): FeatureDiff {
  const entity = (b ?? a)!
  const place = (f: Feature | undefined) =>
    f ? { laneId: f.laneId, start: f.start, end: f.end } : null
  const endDays = a?.end && b?.end ? diffDays(b.end, a.end) : null
  const startDays = a?.start && b?.start ? diffDays(b.start, a.start) : null
  return {
    id: entity.id,
    title: entity.title,
    before: place(a),
    after: place(b),
    shifted: endDays !== null && endDays !== 0 && startDays === endDays,
    laneChanged: a !== undefined && b !== undefined && a.laneId !== b.laneId,
    endDays,
  }
}

/** A feature's dates as an ISO 8601 interval (`..` for an open end), null when undated. */
function interval(f: Feature): string | null {
  if (f.start === null && f.end === null) return null
  return `${f.start ?? '..'}/${f.end ?? '..'}`
}
