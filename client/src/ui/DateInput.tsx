// A date field that writes only complete, valid dates: on Enter, on leaving the field, or
// when a date is chosen in the browser's picker. Typing "2026" into a native date input
// passes through the years 0002, 0020 and 0202; each of those is a valid value to the
// browser, so a field that saved on every change saved (and broadcast) each of them.
import { useEffect, useRef, useState } from 'react'
import type { InputHTMLAttributes } from 'react'
import type { IsoDate } from '@meridian/model'
import { planDateProblem, formatDayLong } from '@meridian/model'

export type DateRead = { ok: true; value: IsoDate | null } | { ok: false; error: string }

export function readDate(el: HTMLInputElement, allowEmpty: boolean): DateRead {
  if (el.validity.badInput) return { ok: false, error: 'Enter a complete date' }
  if (el.value === '')
    return allowEmpty ? { ok: true, value: null } : { ok: false, error: 'Enter a date' }
  // The plan's own range (packages/model `DATE_RANGE`): what the model would refuse anyway.
  const outside = planDateProblem(el.value)
  if (outside) return { ok: false, error: outside }
  if (el.min && el.value < el.min)
    return { ok: false, error: `Not before ${formatDayLong(el.min as IsoDate)}` }
  if (el.max && el.value > el.max)
    return { ok: false, error: `Not after ${formatDayLong(el.max as IsoDate)}` }
  return { ok: true, value: el.value as IsoDate }
}

export interface DateInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'defaultValue' | 'onChange' | 'type' | 'min' | 'max'
> {
  value: IsoDate | null
  min?: IsoDate | null
  max?: IsoDate | null
  /** The field may be emptied on purpose (an unscheduled feature). */
  allowEmpty?: boolean
  onCommit(value: IsoDate | null): void
  /** What is wrong with the typed date, or null once it is fine: shown by the owner. */
  onProblem?(problem: string | null): void
}

export function DateInput({
  value,
  min,
  max,
  allowEmpty = false,
  onCommit,
  onProblem,
  className,
  ...rest
}: DateInputProps) {
  const ref = useRef<HTMLInputElement>(null)
  const editing = useRef(false)
  // A change right after a key press is typing (commit later); one without is the picker.
  const typed = useRef(false)
  const [problem, setProblem] = useState<string | null>(null)
  const stored = value ?? ''

  // The input is uncontrolled: React re-setting its value mid-typing would reset the
  // segment being typed. It shows the stored date (and remote changes) when not edited.
  useEffect(() => {
    const el = ref.current
    if (el && !editing.current) el.value = stored
  }, [stored])

  const report = (next: string | null) => {
    setProblem(next)
    onProblem?.(next)
  }
  const commit = (): boolean => {
    const el = ref.current
    if (!el) return false
    const read = readDate(el, allowEmpty)
    if (!read.ok) {
      report(read.error)
      return false
    }
    report(null)
    if ((read.value ?? '') !== stored) onCommit(read.value)
    return true
  }
  const revert = (el: HTMLInputElement) => {
    el.value = stored
    editing.current = false
    report(null)
  }

  return (
    <input
      {...rest}
      ref={ref}
      type="date"
      className={className ?? 'input'}
      defaultValue={stored}
      min={min ?? undefined}
      max={max ?? undefined}
      aria-invalid={problem ? true : undefined}
      title={problem ?? rest.title}
      onFocus={() => {
        editing.current = true
      }}
      onPointerDown={() => {
        typed.current = false
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault()
          commit()
        } else if (e.key === 'Escape') {
          // A first Escape reverts an edit; with nothing to revert it closes what holds the field.
          if (e.currentTarget.value !== stored || problem) e.stopPropagation()
          revert(e.currentTarget)
          e.currentTarget.blur()
        } else if (e.key !== 'Tab' && e.key !== 'Shift') {
          typed.current = true
        }
      }}
      onChange={() => {
        if (!typed.current) commit()
        else if (problem && ref.current && readDate(ref.current, allowEmpty).ok) report(null)
        typed.current = false
      }}
      onBlur={() => {
        if (commit()) editing.current = false
      }}
    />
  )
}
