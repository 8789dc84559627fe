import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import type { Feature, FeatureId } from '@meridian/model'
import { SearchPicker } from '../../ui/SearchPicker.js'

interface Props {
  /** Features that can be picked. */
  options: readonly Feature[]
  label: string
  buttonText?: string
  onPick(id: FeatureId): void
}

const WIDTH = 280
const HEIGHT = 290

/**
 * "+ Link" that opens a searchable list of features. Options render only while open, so
 * a table with a picker per row stays light on a large roadmap.
 */
export function FeaturePicker({ options, label, buttonText = '+ Link', onPick }: Props) {
  const [open, setOpen] = useState<{ left: number; top: number } | null>(null)
  const root = useRef<HTMLDivElement>(null)
  const pop = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const onDown = (e: MouseEvent): void => {
      const target = e.target as Node
      if (!root.current?.contains(target) && !pop.current?.contains(target)) setOpen(null)
    }
    const close = (): void => setOpen(null)
    // The page scrolled under the fixed popover: it no longer sits by its button.
    const onScroll = (e: Event): void => {
      if (!pop.current?.contains(e.target as Node)) setOpen(null)
    }
    window.addEventListener('mousedown', onDown, true)
    window.addEventListener('resize', close)
    window.addEventListener('scroll', onScroll, true)
    return () => {
      window.removeEventListener('mousedown', onDown, true)
      window.removeEventListener('resize', close)
      window.removeEventListener('scroll', onScroll, true)
    }
  }, [open])
  if (options.length === 0) return null
  const pick = (id: FeatureId): void => {
    setOpen(null)
    onPick(id)
  }
  return (
    <div className="pv-picker" ref={root}>
      <button
        type="button"
        className="pv-link-add"
        aria-label={label}
        aria-expanded={open !== null}
        onClick={(e) => {
          if (open) return setOpen(null)
          // Fixed to the viewport, so a scrolling table never clips it.
          const r = e.currentTarget.getBoundingClientRect()
          const left = Math.max(8, Math.min(r.left, window.innerWidth - WIDTH - 8))
          const top =
            r.bottom + 4 + HEIGHT > window.innerHeight
              ? Math.max(8, r.top - HEIGHT - 4)
              : r.bottom + 4
          setOpen({ left, top })
        }}
      >
        {buttonText}
      </button>
      {open &&
        createPortal(
          <div
            ref={pop}
            style={{ left: open.left, top: open.top, width: WIDTH }}
            className="pv-picker__pop"
            role="dialog"
            aria-label={label}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setOpen(null)
            }}
          >
            <SearchPicker
              searchLabel="Find a feature"
              placeholder="Find a feature…"
              listLabel="Features"
              options={options.map((f) => ({ id: f.id, label: f.title || 'Untitled feature' }))}
              noMatch="No feature matches"
              onPick={(id) => pick(id as FeatureId)}
            />
          </div>,
          document.body,
        )}
    </div>
  )
}
