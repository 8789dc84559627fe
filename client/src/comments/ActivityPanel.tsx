// The activity panel: the latest comments and resolutions across the roadmap, or the comments
// that mention me, newest first; each opens its entity. Unread comments carry a dot until
// marked read (on closing, or with the button).
import { useState } from 'react'
import type { RoadmapData } from '@meridian/model'
import { Avatar } from '../ui/Avatar.js'
import { Button } from '../ui/Button.js'
import { EmptyState } from '../ui/EmptyState.js'
import { Icon } from '../ui/Icon.js'
import { useCommentsContext } from './CommentsContext.js'
import { KIND_LABEL, entityTitle } from './entityLabel.js'
import type { CommentTarget } from './entityLabel.js'
import { MentionText } from './MentionText.js'
import { personColor } from './personColor.js'
import { fullTime, relativeTime } from './relativeTime.js'
import type { Activity, ActivityItem } from './useActivity.js'
import './comments.css'

const TAB = { all: 'all', mentions: 'mentions' } as const
type Tab = (typeof TAB)[keyof typeof TAB]

export function ActivityPanel({
  activity,
  data,
  onClose,
}: {
  activity: Activity
  data: RoadmapData
  onClose(): void
}) {
  const ctx = useCommentsContext()
  const [tab, setTab] = useState<Tab>(TAB.all)
  const list = tab === TAB.all ? activity.items : activity.mentions
  const close = () => {
    activity.markRead()
    onClose()
  }
  return (
    <aside
      className="panel activity"
      aria-label="Activity"
      data-testid="activity-panel"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          close()
        }
      }}
    >
      <header className="panel__header">
        <div className="segmented" role="tablist" aria-label="Show">
          <button
            type="button"
            role="tab"
            aria-selected={tab === TAB.all}
            className={tab === TAB.all ? 'is-active' : undefined}
            onClick={() => setTab(TAB.all)}
          >
            <Icon name="activity" size={13} /> Activity
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === TAB.mentions}
            className={tab === TAB.mentions ? 'is-active' : undefined}
            onClick={() => setTab(TAB.mentions)}
          >
            <Icon name="at" size={13} /> Mentions
            {activity.unreadMentions > 0 ? (
              <span className="activity__pill">{activity.unreadMentions}</span>
            ) : null}
          </button>
        </div>
        <div className="activity__head-actions">
          <Button
            variant="ghost"
            size="sm"
            disabled={activity.unread === 0}
            onClick={activity.markRead}
          >
            Mark all read
          </Button>
          <Button variant="ghost" icon size="sm" aria-label="Close activity" onClick={close}>
            <Icon name="x" />
          </Button>
        </div>
      </header>
      <div className="panel__scroll activity__scroll">
        {list.length === 0 ? (
          tab === TAB.all ? (
            <EmptyState icon="message" title="No comments yet">
              Comments on features, milestones, goals, risks and backlog items show up here.
            </EmptyState>
          ) : (
            <EmptyState icon="at" title="No mentions">
              When someone writes @{ctx?.author?.name ?? 'your name'} in a comment, it is listed
              here.
            </EmptyState>
          )
        ) : (
          <ol className="activity__list">
            {list.map((item) => (
              <ActivityRow
                key={item.kind === 'comment' ? item.entry.comment.id : `r:${item.thread.id}`}
                item={item}
                data={data}
                onOpen={(target) => ctx?.open(target)}
              />
            ))}
          </ol>
        )}
      </div>
    </aside>
  )
}

function ActivityRow({
  item,
  data,
  onOpen,
}: {
  item: ActivityItem
  data: RoadmapData
  onOpen(target: CommentTarget): void
}) {
  const thread = item.kind === 'comment' ? item.entry.thread : item.thread
  const target = { kind: thread.entityKind, id: thread.entityId }
  const title = entityTitle(data, target)
  const who = item.kind === 'comment' ? item.entry.comment.authorName : (thread.resolvedBy ?? '')
  const unread = item.kind === 'comment' && item.unread
  return (
    <li className={`activity__item${unread ? ' activity__item--unread' : ''}`}>
      <button
        type="button"
        className="activity__link"
        disabled={title === null}
        onClick={() => onOpen(target)}
        aria-label={`${who} ${item.kind === 'comment' ? 'commented on' : 'resolved a thread on'} ${KIND_LABEL[target.kind]} ${title ?? '(deleted)'}${unread ? ', unread' : ''}`}
      >
        <Avatar name={who} color={personColor(who)} size="sm" />
        <span className="activity__main">
          <span className="activity__line">
            <strong>{who}</strong>{' '}
            {item.kind === 'comment' ? 'commented on' : 'resolved a thread on'}{' '}
            <span className="activity__entity">
              {KIND_LABEL[target.kind]} · {title ?? 'deleted'}
            </span>
          </span>
          {item.kind === 'comment' ? (
            <span className="activity__text">
              <MentionText text={item.entry.comment.text} mentions={item.entry.comment.mentions} />
            </span>
          ) : null}
          <time className="activity__time" dateTime={item.at} title={fullTime(item.at)}>
            {relativeTime(item.at)}
          </time>
        </span>
        {unread ? <span className="activity__dot" aria-hidden="true" /> : null}
        {item.kind === 'resolution' ? (
          <Icon name="checkCircle" size={14} className="activity__resolved" />
        ) : null}
      </button>
    </li>
  )
}
