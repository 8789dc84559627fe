import type { ReactNode } from 'react'

/** A report section: a card with a title and an optional summary (it may continue on the next printed page). */
export function Section({
  title,
  aside,
  children,
  id,
}: {
  title: string
  aside?: ReactNode
  children: ReactNode
  id: string
}) {
  return (
    <section className="rp-section" aria-labelledby={`rp-${id}`} data-testid={`report-${id}`}>
      <header className="rp-section__head">
        <h2 id={`rp-${id}`}>{title}</h2>
        {aside && <span className="rp-section__aside">{aside}</span>}
      </header>
      {children}
    </section>
  )
}

export function Bar({
  value,
  tone,
  color,
}: {
  value: number
  tone?: 'done' | 'off'
  color?: string | null
}) {
  return (
    <div className="pv-progress rp-bar" aria-hidden="true">
      <div
        className={`pv-progress__fill${tone === 'done' || value >= 1 ? ' pv-progress__fill--done' : ''}${tone === 'off' ? ' rp-fill--off' : ''}`}
        style={{ width: `${Math.min(1, value) * 100}%`, background: color ?? undefined }}
      />
    </div>
  )
}
