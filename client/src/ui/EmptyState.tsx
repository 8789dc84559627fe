import type { ReactNode } from 'react'
import { Icon } from './Icon.js'
import type { IconName } from './Icon.js'

export function EmptyState({
  icon,
  title,
  children,
  action,
}: {
  icon?: IconName
  title: string
  children?: ReactNode
  action?: ReactNode
}) {
  return (
    <div className="empty">
      {icon ? <Icon name={icon} size={28} strokeWidth={1.5} /> : null}
      <p className="empty__title">{title}</p>
      {children ? <p>{children}</p> : null}
      {action}
    </div>
  )
}
