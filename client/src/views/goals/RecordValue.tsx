import { useState } from 'react'
import type { IsoDate } from '@meridian/model'
import { DATE_RANGE, isPlanDate } from '@meridian/model'

interface Props {
  name: string
  unit: string
  today: IsoDate
  onRecord(date: IsoDate, value: number): void
}

/** "Record value": a measurement and its date (today unless changed), appended to history. */
export function RecordValue({ name, unit, today, onRecord }: Props) {
  const [open, setOpen] = useState(false)
  const [value, setValue] = useState('')
  const [date, setDate] = useState(today)
  if (!open) {
    return (
      <button type="button" className="btn btn--sm" onClick={() => setOpen(true)}>
        Record value
      </button>
    )
  }
  const number = Number(value)
  const valid = value.trim() !== '' && Number.isFinite(number) && isPlanDate(date)
  return (
    <form
      className="gl-record"
      aria-label={`Record a value of ${name}`}
      onSubmit={(e) => {
        e.preventDefault()
        if (!valid) return
        onRecord(date, number)
        setValue('')
        setOpen(false)
      }}
    >
      <input
        className="input gl-record__value"
        type="number"
        step="any"
        autoFocus
        placeholder={unit ? `Value (${unit})` : 'Value'}
        aria-label={`New value of ${name}`}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      />
      <input
        className="input gl-record__date"
        type="date"
        aria-label="Date measured"
        value={date}
        min={DATE_RANGE.min}
        max={today}
        onChange={(e) => setDate(e.target.value)}
      />
      <button type="submit" className="btn btn--sm btn--primary" disabled={!valid}>
        Save
      </button>
      <button type="button" className="btn btn--sm btn--ghost" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  )
}
