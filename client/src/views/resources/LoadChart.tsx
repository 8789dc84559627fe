import { formatDay, formatDayLong } from '@meridian/model'
import type { IsoDate, WeekLoad } from '@meridian/model'
import { formatNumber } from '../planning/format.js'
import type { LoadRow } from './useResources.js'

interface Props {
  axis: readonly IsoDate[]
  rows: readonly { id: string; name: string; row: LoadRow | null }[]
  today: IsoDate
  /** A feature's title, for the features that load a week. */
  titleOf(id: string): string
}

const BAR_AREA = 44

/** Weekly load against capacity, one strip per resource; weeks over capacity in red. */
export function LoadChart({ axis, rows, today, titleOf }: Props) {
  if (axis.length === 0) {
    return (
      <p className="pv-muted rs-chart-empty">
        No dated work is assigned yet: load appears once features have dates and items have
        assignees and estimates.
      </p>
    )
  }
  const nowIndex = axis.findIndex((week, i) => today >= week && today < nextWeek(axis, i))
  return (
    <div
      className="rs-chart"
      style={{ ['--rs-weeks' as string]: axis.length }}
      role="table"
      aria-label="Load per week"
    >
      <div className="rs-chart__row rs-chart__axis" role="row">
        <span className="rs-chart__name" role="columnheader">
          Week of
        </span>
        <div className="rs-chart__weeks">
          {axis.map((week, i) => {
            const now = today >= week && today < nextWeek(axis, i)
            // The first Monday of each month carries the month's label, unless it would run
            // into "Today" or past the chart's end (a label spans about three weeks' columns).
            const crowded = (nowIndex >= 0 && Math.abs(i - nowIndex) <= 2) || i > axis.length - 3
            const label = now
              ? 'Today'
              : Number(week.slice(8, 10)) <= 7 && !crowded
                ? formatDay(week)
                : ''
            return (
              <span
                key={week}
                className={`rs-chart__tick${now ? ' rs-chart__tick--now' : ''}`}
                role="columnheader"
                aria-label={week}
              >
                {label}
              </span>
            )
          })}
        </div>
      </div>
      {rows.map(({ id, name, row }) => {
        const capacity = row?.load.capacity ?? null
        const top = Math.max(capacity ?? 0, row?.peak ?? 0) || 1
        return (
          <div
            className="rs-chart__row"
            role="row"
            key={id}
            data-testid="load-row"
            data-resource-id={id}
          >
            <span className="rs-chart__name" role="rowheader">
              {name}
              <span className="pv-muted rs-chart__cap">
                {capacity === null ? 'no capacity set' : `${formatNumber(capacity)}/wk`}
              </span>
            </span>
            <div className="rs-chart__weeks rs-chart__bars">
              {!row || row.peak === 0 ? (
                <span className="rs-chart__none pv-muted">No assigned work</span>
              ) : null}
              {capacity !== null && (
                <span
                  className="rs-chart__capline"
                  style={{ bottom: (capacity / top) * BAR_AREA }}
                  aria-hidden="true"
                />
              )}
              {(row?.weeks ?? axis.map(() => null)).map((week, i) => (
                <span
                  key={axis[i]}
                  role="cell"
                  className={`rs-bar${week?.overloaded ? ' rs-bar--over' : ''}`}
                  style={{ height: week ? Math.max(2, (week.load / top) * BAR_AREA) : 0 }}
                  title={week ? weekTitle(axis[i], week, capacity, titleOf) : undefined}
                  data-testid={week ? 'load-week' : undefined}
                  data-overloaded={week?.overloaded ? 'true' : undefined}
                />
              ))}
            </div>
          </div>
        )
      })}
    </div>
  )
}

function weekTitle(
  week: IsoDate,
  load: WeekLoad,
  capacity: number | null,
  titleOf: (id: string) => string,
): string {
  const amount = `${formatNumber(load.load)}${capacity === null ? '' : ` of ${formatNumber(capacity)}`}`
  const over = load.overloaded ? ' — over capacity' : ''
  const from = load.featureIds.map((id) => `• ${titleOf(id)}`).join('\n')
  return `Week of ${formatDayLong(week)}: ${amount}${over}\n${from}`
}

function nextWeek(axis: readonly IsoDate[], i: number): IsoDate {
  return axis[i + 1] ?? '9999-12-31'
}
