import type { ReactNode } from 'react'
import type { FeatureStatus, Health } from '@meridian/model'

export type BadgeTone =
  'neutral' | 'accent' | 'danger' | 'warning' | 'success' | 'info' | FeatureStatus

export function Badge({
  tone = 'neutral',
  dot = false,
  children,
  title,
}: {
  tone?: BadgeTone
  dot?: boolean
  children: ReactNode
  title?: string
}) {
  return (
    <span className={tone === 'neutral' ? 'badge' : `badge badge--${tone}`} title={title}>
      {dot ? <span className="badge__dot" aria-hidden="true" /> : null}
      {children}
    </span>
  )
}

export const STATUS_LABEL: Record<FeatureStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
}

export const HEALTH_LABEL: Record<Health, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
}

const HEALTH_TONE: Record<Health, BadgeTone> = {
  'on-track': 'success',
  'at-risk': 'warning',
  'off-track': 'danger',
}

export function StatusBadge({ status }: { status: FeatureStatus }) {
  return (
    <Badge tone={status} dot>
      {STATUS_LABEL[status]}
    </Badge>
  )
}

export function HealthBadge({ health }: { health: Health }) {
  return (
    <Badge tone={HEALTH_TONE[health]} dot>
      {HEALTH_LABEL[health]}
    </Badge>
  )
}
