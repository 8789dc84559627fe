import { useEffect, useRef, useState } from 'react'
import type { Role } from '../views/types.js'
import { Badge } from '../ui/Badge.js'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import type { HistoryState } from './useHistory.js'
import { ComparePicker } from './ComparePicker.js'
import { editorsLabel } from './editorsLabel.js'
import type { ListedSnapshot } from './historyApi.js'
import { versionName, versionTime } from './versionLabel.js'
import { closeHistory } from './closeHistory.js'
import './history.css'

/** Rows shown at first and added by "Show more": a year of daily snapshots stays quick. */
const PAGE = 40

export function HistoryPanel({ history, role }: { history: HistoryState; role: Role }) {
  const [name, setName] = useState('')
  const [shown, setShown] = useState(PAGE)
  const [confirming, setConfirming] = useState<string | null>(null)
  const canEdit = role !== 'viewer'
  const list = history.snapshots
  return (
    <aside
      className="history"
      aria-label="History"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.stopPropagation()
        // Escape undoes the nearest thing first: a restore being confirmed, a name being
        // typed; then it closes the history and gives focus back to its button.
        if (confirming) setConfirming(null)
        else if (name && (e.target as HTMLElement).matches('input')) setName('')
        else closeHistory(history)
      }}
    >
      <div className="history__header">
        <h2 className="history__title">
          <Icon name="clock" /> History
        </h2>
        <Button
          variant="ghost"
          icon
          size="sm"
          aria-label="Close history"
          onClick={() => closeHistory(history)}
        >
          <Icon name="x" />
        </Button>
      </div>
      {canEdit ? (
        <form
          className="history__take"
          onSubmit={(e) => {
            e.preventDefault()
            const n = name.trim()
            if (n) void history.take(n).then((ok) => ok && setName(''))
          }}
        >
          <input
            className="input"
            aria-label="Snapshot name"
            placeholder="Name this version"
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Button type="submit" variant="primary" disabled={!name.trim()}>
            Take snapshot
          </Button>
        </form>
      ) : null}
      <BaselineSection history={history} />
      {list ? <ComparePicker history={history} snapshots={list} /> : null}
      {history.error ? (
        <p className="history__error" role="alert">
          {history.error}
        </p>
      ) : null}
      <div className="history__list" aria-busy={list === null || history.busy || history.listing}>
        {list === null ? <p className="history__empty">Loading…</p> : null}
        {list?.length === 0 ? (
          <p className="history__empty">
            No snapshots yet. Meridian takes one automatically after a session of edits
            {canEdit ? '; name one above before a meeting.' : '.'}
          </p>
        ) : null}
        <ol className="history__rows" aria-label="Snapshots, newest first">
          {list?.slice(0, shown).map((s) => (
            <SnapshotRow
              key={s.id}
              snapshot={s}
              owner={role === 'owner'}
              history={history}
              confirming={confirming === s.id}
              onConfirm={(on) => setConfirming(on ? s.id : null)}
            />
          ))}
        </ol>
        {list && list.length > shown ? (
          <Button className="history__more" onClick={() => setShown(shown + PAGE)}>
            Show {Math.min(PAGE, list.length - shown)} older
          </Button>
        ) : null}
      </div>
    </aside>
  )
}

function BaselineSection({ history }: { history: HistoryState }) {
  const { baseline, snapshots } = history
  if (!baseline.id) return null
  const s = snapshots?.find((x) => x.id === baseline.id)
  return (
    <div className="history__baseline">
      <Icon name="flag" size={14} />
      <span className="history__baseline-name">
        Baseline: <strong>{s ? s.name : 'a snapshot'}</strong>
      </span>
      <label className="history__toggle">
        <input
          type="checkbox"
          checked={baseline.shown}
          onChange={(e) => baseline.setShown(e.target.checked)}
        />
        Show on timeline
      </label>
    </div>
  )
}

function SnapshotRow({
  snapshot: s,
  owner,
  history,
  confirming,
  onConfirm,
}: {
  snapshot: ListedSnapshot
  owner: boolean
  history: HistoryState
  confirming: boolean
  onConfirm(on: boolean): void
}) {
  const viewing = history.version?.snapshot.id === s.id
  const comparing = history.compare?.snapshot.id === s.id
  const named = s.kind === 'named'
  const plainAuto = !named && versionName(s) !== s.name
  const editors = editorsLabel(s.editors)
  // Back from a confirmation (Cancel, Escape), focus returns to the Restore… that opened it.
  const restoreRef = useRef<HTMLButtonElement>(null)
  const wasConfirming = useRef(false)
  useEffect(() => {
    if (wasConfirming.current && !confirming && document.activeElement === document.body)
      restoreRef.current?.focus()
    wasConfirming.current = confirming
  }, [confirming])
  return (
    <li
      className={`history__row${viewing || comparing ? ' history__row--active' : ''}`}
      data-snapshot-id={s.id}
    >
      <div className="history__row-head">
        <span className="history__name">{versionName(s)}</span>
        <span className="history__badges">
          {history.baseline.id === s.id ? <Badge tone="info">Baseline</Badge> : null}
          <Badge tone={named ? 'accent' : 'neutral'}>{named ? 'Named' : 'Automatic'}</Badge>
        </span>
      </div>
      <div className="history__meta">
        {plainAuto ? 'Saved automatically' : versionTime(s.createdAt)}
      </div>
      <div className="history__editors" title={editors.full}>
        <Icon name="users" size={12} />
        <span>{editors.text}</span>
      </div>
      {confirming ? (
        <div className="history__confirm" role="group" aria-label="Confirm restore">
          <span>Restore this version for everyone? The current state is kept as a snapshot.</span>
          <div className="history__actions">
            <Button
              size="sm"
              variant="danger"
              disabled={history.busy}
              onClick={() => void history.restore(s).then(() => onConfirm(false))}
            >
              Restore
            </Button>
            {/* The safe choice has focus: the Restore button that opened this is gone. */}
            <Button size="sm" variant="ghost" autoFocus onClick={() => onConfirm(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div className="history__actions">
          <Button size="sm" onClick={() => history.open(s)} aria-pressed={viewing}>
            <Icon name="eye" size={14} /> Open
          </Button>
          <Button size="sm" onClick={() => history.compareWithNow(s)} aria-pressed={comparing}>
            Compare with now
          </Button>
          {owner && history.baseline.id !== s.id ? (
            <Button size="sm" variant="ghost" onClick={() => history.baseline.set(s.id)}>
              <Icon name="flag" size={14} /> Set as baseline
            </Button>
          ) : null}
          {owner ? (
            <Button ref={restoreRef} size="sm" variant="ghost" onClick={() => onConfirm(true)}>
              <Icon name="undo" size={14} /> Restore…
            </Button>
          ) : null}
        </div>
      )}
    </li>
  )
}
