// The top bar's activity button, with the number of unread comments.
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import type { Activity } from './useActivity.js'
import './comment-count.css'

export function ActivityButton({
  activity,
  open,
  onToggle,
}: {
  activity: Activity
  open: boolean
  onToggle(): void
}) {
  const label =
    activity.unread > 0 ? `Activity, ${activity.unread} unread` : 'Activity and mentions'
  return (
    <Button
      variant="ghost"
      icon
      className="activity-button"
      aria-label={label}
      aria-pressed={open}
      title="Activity and mentions"
      onClick={onToggle}
    >
      <Icon name="message" />
      {activity.unread > 0 ? (
        <span className="activity-button__badge" aria-hidden="true">
          {activity.unread > 99 ? '99+' : activity.unread}
        </span>
      ) : null}
    </Button>
  )
}
