import type { ReactNode } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { PresenceStack } from './PresenceStack.js'

interface Props {
  title: string
  subtitle?: ReactNode
  view: string
  awareness: Awareness
  readOnly: boolean
  children?: ReactNode
}

/** The title row every planning view starts with: title, summary, presence, actions. */
export function ViewHeader({ title, subtitle, view, awareness, readOnly, children }: Props) {
  return (
    <header className="pv-header">
      <div className="pv-header-text">
        <h1 className="pv-title">
          {title}
          {readOnly && <span className="pv-readonly-chip">View only</span>}
        </h1>
        {subtitle && <p className="pv-subtitle">{subtitle}</p>}
      </div>
      <div className="pv-header-actions">
        <PresenceStack awareness={awareness} view={view} />
        {children}
      </div>
    </header>
  )
}
