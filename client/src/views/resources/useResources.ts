// Resource load per ISO week from the model's schedule check, laid out on one shared
// week axis so every resource's chart lines up.
import { useMemo } from 'react'
import { addDays, checkSchedule } from '@meridian/model'
import type { IsoDate, ResourceLoad, RoadmapData, WeekLoad } from '@meridian/model'

export interface LoadRow {
  load: ResourceLoad
  /** One entry per axis week; `null` where the resource has no load that week. */
  weeks: (WeekLoad | null)[]
  peak: number
  overloadedWeeks: number
}

const MAX_WEEKS = 52

export function useResources(data: RoadmapData, today: IsoDate) {
  const schedule = useMemo(() => checkSchedule(data, today), [data, today])
  return useMemo(() => {
    const all = schedule.load.flatMap((r) => r.weeks.map((w) => w.week)).sort()
    const axis: IsoDate[] = []
    if (all.length > 0) {
      for (
        let week = all[0];
        week <= all[all.length - 1] && axis.length < MAX_WEEKS;
        week = addDays(week, 7)
      )
        axis.push(week)
    }
    const rows = new Map<string, LoadRow>()
    for (const load of schedule.load) {
      const byWeek = new Map(load.weeks.map((w) => [w.week, w]))
      rows.set(load.resourceId, {
        load,
        weeks: axis.map((week) => byWeek.get(week) ?? null),
        peak: load.weeks.reduce((max, w) => Math.max(max, w.load), 0),
        overloadedWeeks: load.weeks.filter((w) => w.overloaded).length,
      })
    }
    return {
      schedule,
      axis,
      row: (id: string) => rows.get(id) ?? null,
      overloaded: schedule.overloaded,
    }
  }, [schedule])
}
