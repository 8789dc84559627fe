import { useState } from 'react'
import { Button } from '../ui/Button.js'
import { Select } from '../ui/Field.js'
import type { ListedSnapshot } from './historyApi.js'
import type { HistoryState } from './useHistory.js'
import { versionName, versionTime } from './versionLabel.js'

const NOW = 'now'

const time = (s: ListedSnapshot) => (s.createdAt ? Date.parse(s.createdAt) : 0)

/** Picks any two versions to compare; the older one is always "from", whichever order. */
export function ComparePicker({
  history,
  snapshots,
}: {
  history: HistoryState
  snapshots: ListedSnapshot[]
}) {
  const [from, setFrom] = useState<string>('')
  const [to, setTo] = useState<string>(NOW)
  if (snapshots.length === 0) return null
  const fromId = from || snapshots[0]!.id
  const find = (id: string) => snapshots.find((s) => s.id === id) ?? null
  const a = find(fromId)
  const b = to === NOW ? null : find(to)
  const same = a !== null && b !== null && a.id === b.id
  const option = (s: ListedSnapshot) => (
    <option key={s.id} value={s.id} title={versionTime(s.createdAt)}>
      {versionName(s)}
    </option>
  )
  return (
    <form
      className="history__compare"
      aria-label="Compare two versions"
      onSubmit={(e) => {
        e.preventDefault()
        if (!a || same) return
        // "Now" is newest; otherwise the earlier snapshot is the one compared from.
        if (b && time(b) < time(a)) history.compareVersions(b, a)
        else history.compareVersions(a, b)
      }}
    >
      <label className="history__compare-field">
        <span>From</span>
        <Select value={fromId} onChange={(e) => setFrom(e.target.value)}>
          {snapshots.map(option)}
        </Select>
      </label>
      <label className="history__compare-field">
        <span>To</span>
        <Select value={to} onChange={(e) => setTo(e.target.value)}>
          <option value={NOW}>Now</option>
          {snapshots.map(option)}
        </Select>
      </label>
      <Button type="submit" disabled={!a || same || history.busy}>
        Compare
      </Button>
    </form>
  )
}
