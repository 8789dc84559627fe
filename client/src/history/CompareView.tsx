import { useState } from 'react'
import { CHANGE_GROUPS, CHANGE_TYPE, changeLine } from '@meridian/model'
import type { Change, ChangeGroup, EntityKind } from '@meridian/model'
import { RESTORABLE_KINDS } from '@meridian/protocol'
import type { RestorableKind } from '@meridian/protocol'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import type { HistoryState } from './useHistory.js'
import { compareMarkdownUrl, restoreEntity } from './historyApi.js'
import { versionTime } from './versionLabel.js'
import { focusHistoryToggle } from './closeHistory.js'
import './history.css'

const HEADING: Record<ChangeGroup, string> = {
  schedule: 'Schedule',
  scope: 'Scope',
  status: 'Status and health',
  goals: 'Goals and key indicators',
  risks: 'Risks',
}

const restorable = (kind: EntityKind): kind is RestorableKind =>
  (RESTORABLE_KINDS as readonly string[]).includes(kind)

/** changeLine writes Markdown emphasis; the list shows it as plain text with a bold subject. */
function LineText({ change }: { change: Change }) {
  const parts = changeLine(change).split('**')
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? <strong key={i}>{p.replace(/\\(.)/g, '$1')}</strong> : p,
      )}
    </>
  )
}

export function CompareView({
  history,
  roadmapId,
  token,
  owner,
  onOpenEntity,
}: {
  history: HistoryState
  roadmapId: string
  token: string
  owner: boolean
  onOpenEntity(kind: EntityKind, id: string): void
}) {
  const [note, setNote] = useState<string | null>(null)
  const compare = history.compare
  if (!compare) return null
  const { snapshot, to, comparison } = compare
  const s = comparison.summary
  const md = `${compareMarkdownUrl(roadmapId, snapshot.id, to?.id ?? 'now')}&token=${encodeURIComponent(token)}`
  const label = (v: typeof snapshot) => (v.kind === 'named' ? v.name : versionTime(v.createdAt))
  const bringBack = async (change: Change) => {
    if (!restorable(change.kind)) return
    const r = await restoreEntity(roadmapId, token, snapshot.id, {
      kind: change.kind,
      id: change.id,
    })
    setNote(r.ok ? `${change.title || 'The entity'} is back.` : r.message)
  }
  return (
    <aside
      className="history compare"
      aria-label="Compare versions"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.stopPropagation()
        history.closeCompare()
        focusHistoryToggle()
      }}
    >
      <div className="history__header">
        <h2 className="history__title">
          <Icon name="layers" />{' '}
          {to ? `${label(snapshot)} → ${label(to)}` : `Changes since ${label(snapshot)}`}
        </h2>
        <Button
          variant="ghost"
          icon
          size="sm"
          aria-label="Close compare"
          onClick={history.closeCompare}
        >
          <Icon name="x" />
        </Button>
      </div>
      <div className="compare__summary">
        <span>
          <strong>{s.featuresSlipped}</strong> slipped ({s.slipDays} d)
        </span>
        <span>
          <strong>{s.featuresPulledIn}</strong> pulled in
        </span>
        <span>
          <strong>{s.featuresAdded}</strong> added
        </span>
        <span>
          <strong>{s.featuresRemoved}</strong> removed
        </span>
        <a className="compare__md" href={md} target="_blank" rel="noreferrer">
          Markdown
        </a>
      </div>
      {note ? (
        <p className="history__note" role="status">
          {note}
        </p>
      ) : null}
      <div className="history__list" data-testid="change-list">
        {comparison.changes.length === 0 ? (
          <p className="history__empty">
            {to ? 'No changes between these versions.' : 'No changes since this version.'}
          </p>
        ) : null}
        {CHANGE_GROUPS.map((group) => {
          const changes = comparison.changes.filter((c) => c.group === group)
          if (changes.length === 0) return null
          return (
            <section key={group} className="compare__group" aria-label={HEADING[group]}>
              <h3 className="compare__heading">
                {HEADING[group]} <span className="compare__count">{changes.length}</span>
              </h3>
              <ul className="compare__changes">
                {changes.map((c, i) => {
                  const removed = c.type === CHANGE_TYPE.removed
                  return (
                    <li
                      key={`${c.kind}:${c.id}:${c.type}:${i}`}
                      className={`compare__change compare__change--${c.type}`}
                    >
                      {removed ? (
                        <span className="compare__text">
                          <LineText change={c} />
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="compare__text compare__link"
                          onClick={() => onOpenEntity(c.kind, c.id)}
                        >
                          <LineText change={c} />
                        </button>
                      )}
                      {/* Brought back into the live roadmap: only when comparing with it. */}
                      {removed && owner && !to && restorable(c.kind) ? (
                        <Button size="sm" onClick={() => void bringBack(c)}>
                          Bring back
                        </Button>
                      ) : null}
                    </li>
                  )
                })}
              </ul>
            </section>
          )
        })}
      </div>
    </aside>
  )
}
