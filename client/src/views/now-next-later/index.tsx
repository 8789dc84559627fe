import { useMemo, useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { Feature, FeatureId } from '@meridian/model'
import type { ShellViewProps } from '../shellViewProps.js'
import { computeFacts, featureFacts } from '../timeline/featureFacts.js'
import { useTimelinePeers } from '../timeline/useTimelinePeers.js'
import { Icon } from '../../ui/Icon.js'
import { Card } from './Card.js'
import { HORIZONS, groupByHorizon } from './horizons.js'
import type { Horizon } from './horizons.js'
import { useBoardDnd } from './useBoardDnd.js'
import './nnl.css'

const PAGE = 40

export default function NowNextLaterView(props: ShellViewProps) {
  const {
    data,
    today,
    roadmap,
    readOnly,
    selectedFeatureId,
    selectFeature,
    openFeature,
    awareness,
  } = props
  const [showDone, setShowDone] = useState(false)
  const { columns, done } = useMemo(
    () => groupByHorizon(data.features, today, showDone),
    [data.features, today, showDone],
  )
  const facts = useMemo(() => computeFacts(data, today), [data, today])
  const lanes = useMemo(() => new Map(data.lanes.map((l) => [l.id, l])), [data.lanes])
  const { selections } = useTimelinePeers(awareness)
  const dnd = useBoardDnd(roadmap, columns, readOnly)
  // Long columns show their first cards and grow on request: a 2,000-feature roadmap stays quick.
  const [limit, setLimit] = useState<Record<Horizon, number>>({
    now: PAGE,
    next: PAGE,
    later: PAGE,
  })

  const onCardKey = (feature: Feature, horizon: Horizon) => (e: KeyboardEvent<HTMLElement>) => {
    const col = HORIZONS.findIndex((h) => h.id === horizon)
    const list = columns[horizon]
    const index = list.findIndex((f) => f.id === feature.id)
    const focus = (id: FeatureId) =>
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`.nnl [data-feature-id="${CSS.escape(id)}"]`)?.focus(),
      )
    if (e.key === 'Enter') {
      e.preventDefault()
      openFeature(feature.id)
    } else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && e.altKey && !readOnly) {
      e.preventDefault()
      const target = HORIZONS[col + (e.key === 'ArrowRight' ? 1 : -1)]
      if (target) {
        dnd.place(feature.id, target.id, null)
        focus(feature.id)
      }
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const next = list[index + (e.key === 'ArrowDown' ? 1 : -1)]
      if (next) {
        selectFeature(next.id)
        focus(next.id)
      }
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault()
      const other = HORIZONS[col + (e.key === 'ArrowRight' ? 1 : -1)]
      const next = other
        ? columns[other.id][Math.min(index, columns[other.id].length - 1)]
        : undefined
      if (next) {
        selectFeature(next.id)
        focus(next.id)
      }
    }
  }

  return (
    <div className="nnl" aria-label="Now, Next, Later" data-testid="now-next-later-view">
      <div className="nnl__intro">
        <p>
          Outcome-oriented view of the same features.{' '}
          {readOnly ? null : (
            <>
              Drag cards between columns, or use{' '}
              <span className="nnl__keys">
                <span className="kbd">Alt</span> + <span className="kbd">←</span>
                <span className="kbd">→</span>.
              </span>{' '}
              Double-click a title to rename it.
            </>
          )}
        </p>
        {done > 0 ? (
          <label className="nnl__toggle">
            <input
              type="checkbox"
              checked={showDone}
              onChange={(e) => setShowDone(e.target.checked)}
            />
            Show {done} shipped
          </label>
        ) : null}
      </div>
      <div className="nnl__board">
        {HORIZONS.map((h) => {
          const list = columns[h.id]
          const overHere = dnd.over?.horizon === h.id
          return (
            <section
              key={h.id}
              className={`nnl__col nnl__col--${h.id}${overHere ? ' nnl__col--over' : ''}`}
              aria-label={`${h.label} column`}
              data-horizon={h.id}
              {...dnd.columnProps(h.id)}
            >
              <header className="nnl__col-head">
                <h2>{h.label}</h2>
                <span className="nnl__count">{list.length}</span>
                <span className="nnl__hint">{h.hint}</span>
              </header>
              <ul className="nnl__list">
                {list.slice(0, limit[h.id]).map((f) => {
                  const ff = featureFacts(facts, f.id)
                  return (
                    <Card
                      key={f.id}
                      feature={f}
                      lane={lanes.get(f.laneId)}
                      progress={ff.progress}
                      statusHint={ff.statusHint}
                      openRisks={ff.openRisks}
                      late={ff.late}
                      selected={selectedFeatureId === f.id}
                      readOnly={readOnly}
                      peer={selections.get(f.id)?.[0] ?? null}
                      dropBefore={overHere && dnd.over?.beforeId === f.id}
                      onSelect={() => selectFeature(f.id)}
                      onOpen={() => openFeature(f.id)}
                      onRename={(title) => roadmap.features.update(f.id, { title })}
                      onKey={onCardKey(f, h.id)}
                      dnd={dnd.cardProps(f, h.id)}
                    />
                  )
                })}
                {list.length > limit[h.id] ? (
                  <li>
                    <button
                      type="button"
                      className="btn btn--ghost nnl__more"
                      onClick={() => setLimit((l) => ({ ...l, [h.id]: l[h.id] + PAGE * 4 }))}
                    >
                      Show {Math.min(PAGE * 4, list.length - limit[h.id])} more of{' '}
                      {list.length - limit[h.id]}
                    </button>
                  </li>
                ) : null}
                {list.length === 0 ? (
                  <li className="nnl__empty">
                    <Icon name="layers" size={18} />{' '}
                    {readOnly ? 'Nothing here yet' : 'Drop features here'}
                  </li>
                ) : null}
                {overHere && dnd.over?.beforeId === null ? (
                  <li className="nnl__drop-end" aria-hidden="true" />
                ) : null}
              </ul>
            </section>
          )
        })}
      </div>
    </div>
  )
}
