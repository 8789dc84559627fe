// The comments of a milestone, goal, risk or backlog item, in a side panel like the feature
// panel's (features have their thread in the feature panel itself).
import type { RoadmapData } from '@meridian/model'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import { KIND_LABEL, entityTitle } from './entityLabel.js'
import type { CommentTarget } from './entityLabel.js'
import { ThreadList } from './ThreadList.js'
import '../panel/panel.css'
import './comments.css'

export function EntityCommentsPanel({
  target,
  data,
  onClose,
}: {
  target: CommentTarget
  data: RoadmapData
  onClose(): void
}) {
  const title = entityTitle(data, target)
  return (
    <aside
      className="panel comments-panel"
      aria-label={`Comments: ${title ?? KIND_LABEL[target.kind]}`}
      data-testid="comments-panel"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.stopPropagation()
          onClose()
        }
      }}
    >
      <header className="panel__header">
        <div className="panel__crumbs">
          <span className="panel__lane">
            <Icon name="message" size={14} /> {KIND_LABEL[target.kind]}
          </span>
        </div>
        <Button variant="ghost" icon size="sm" aria-label="Close comments" onClick={onClose}>
          <Icon name="x" />
        </Button>
      </header>
      <div className="panel__scroll">
        <h2 className="panel__title panel__title--static">{title ?? 'Deleted'}</h2>
        {title === null ? (
          <p className="comments__note">
            This {KIND_LABEL[target.kind].toLowerCase()} was deleted.
          </p>
        ) : (
          <ThreadList target={target} />
        )}
      </div>
    </aside>
  )
}
