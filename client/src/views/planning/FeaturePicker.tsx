import { useEffect, useRef, useState } from 'react'
import type { Feature, FeatureId } from '@meridian/model'

interface Props {
  /** Features that can be picked. */
  options: readonly Feature[]
  label: string
  buttonText?: string
  onPick(id: FeatureId): void
}

const SHOWN = 50

/**
 * "+ Link" that opens a searchable list of features. Options render only while open, so
 * a table with a picker per row stays light on a large roadmap.
 */
export function FeaturePicker({ options, label, buttonText = '+ Link', onPick }: Props) {
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const root = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const onDown = (e: MouseEvent): void => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false)
    }
    window.addEventListener('mousedown', onDown, true)
    return () => window.removeEventListener('mousedown', onDown, true)
  }, [open])
  if (options.length === 0) return null
  const needle = query.trim().toLowerCase()
  const matches = options.filter((f) => f.title.toLowerCase().includes(needle))
  const pick = (id: FeatureId): void => {
    setOpen(false)
    setQuery('')
    onPick(id)
  }
  return (
    <div className="pv-picker" ref={root}>
      <button
        type="button"
        className="pv-link-add"
        aria-label={label}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {buttonText}
      </button>
      {open && (
        <div
          className="pv-picker__pop"
          role="dialog"
          aria-label={label}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false)
          }}
        >
          <input
            className="input pv-picker__search"
            autoFocus
            placeholder="Find a feature…"
            aria-label="Find a feature"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && matches.length > 0) {
                e.preventDefault()
                pick(matches[0].id)
              }
            }}
          />
          <ul className="pv-picker__list" role="listbox" aria-label="Features">
            {matches.slice(0, SHOWN).map((f) => (
              <li key={f.id}>
                <button
                  type="button"
                  role="option"
                  aria-selected={false}
                  onClick={() => pick(f.id)}
                >
                  {f.title}
                </button>
              </li>
            ))}
            {matches.length === 0 && <li className="pv-picker__none">No feature matches</li>}
            {matches.length > SHOWN && (
              <li className="pv-picker__none">{matches.length - SHOWN} more — refine the search</li>
            )}
          </ul>
        </div>
      )}
    </div>
  )
}
