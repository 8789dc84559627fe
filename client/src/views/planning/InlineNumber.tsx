import { useEffect, useState } from 'react'
import { formatNumber } from './format.js'

interface Props {
  value: number | null
  onCommit(next: number | null): void
  readOnly: boolean
  label: string
  min?: number
  max?: number
  step?: number
  suffix?: string
  className?: string
}

/** A number that edits in place; empty clears it (null). Out-of-range input is clamped. */
export function InlineNumber({
  value,
  onCommit,
  readOnly,
  label,
  min,
  max,
  step,
  suffix,
  className,
}: Props) {
  const shown = value === null ? '' : String(value)
  const [draft, setDraft] = useState(shown)
  const [editing, setEditing] = useState(false)
  useEffect(() => {
    if (!editing) setDraft(shown)
  }, [shown, editing])
  if (readOnly) {
    return <span className={`pv-num ${className ?? ''}`}>{formatNumber(value, suffix)}</span>
  }
  const commit = (): void => {
    setEditing(false)
    const trimmed = draft.trim()
    let next: number | null = trimmed === '' ? null : Number(trimmed)
    if (next !== null && Number.isNaN(next)) next = value
    if (next !== null && min !== undefined) next = Math.max(min, next)
    if (next !== null && max !== undefined) next = Math.min(max, next)
    if (next !== value) onCommit(next)
    else setDraft(shown)
  }
  return (
    <input
      className={`pv-inline pv-inline-num ${className ?? ''}`}
      type="number"
      inputMode="decimal"
      value={draft}
      min={min}
      max={max}
      step={step ?? 'any'}
      aria-label={label}
      onFocus={() => setEditing(true)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur()
      }}
    />
  )
}
