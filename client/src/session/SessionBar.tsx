// The bar everyone in the roadmap sees while a session runs: the current topic, its time
// left, who facilitates; the facilitator's controls; following on and off (F). One row down to
// a 1024 px screen (session.css): the facilitator goes under the session's title, long titles
// end in an ellipsis (the whole in a tooltip), and the note buttons show their icon only.
import type { PlanningSession, RoadmapData, Topic } from '@meridian/model'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import { AgendaMenu } from './AgendaMenu.js'
import { TOPIC_KIND_LABEL, topicTitle } from './topicLabel.js'
import { formatSeconds, useClock } from './useClock.js'

export interface SessionBarProps {
  session: PlanningSession
  data: RoadmapData
  topic: Topic | null
  isFacilitator: boolean
  canEdit: boolean
  following: boolean
  onToggleFollow(): void
  onGoTo(topic: Topic): void
  onEditAgenda(): void
  onOpenVote(): void
  onNote(kind: 'decision' | 'action'): void
  onEnd(): void
  /** The owner's switch for whether commenter links may vote; null for everyone else. */
  commentersVote: { value: boolean; onChange(allowed: boolean): void } | null
}

export function SessionBar({
  session,
  data,
  topic,
  isFacilitator,
  canEdit,
  following,
  onToggleFollow,
  onGoTo,
  onEditAgenda,
  onOpenVote,
  onNote,
  onEnd,
  commentersVote,
}: SessionBarProps) {
  const index = topic ? session.agenda.findIndex((t) => t.id === topic.id) : -1
  const timed = topic?.timebox != null && session.topicStartedAt !== null
  const now = useClock(timed)
  const left = timed
    ? topic.timebox! * 60 - (now - Date.parse(session.topicStartedAt!)) / 1000
    : null
  const prev = index > 0 ? session.agenda[index - 1] : undefined
  const next = session.agenda[index + 1]
  const title = topic ? topicTitle(data, topic) : ''
  const facilitatedBy = `Facilitated by ${session.facilitator.name}`
  return (
    <div className="ss-bar" role="region" aria-label="Planning session" data-testid="session-bar">
      <span className="ss-bar__live">
        <span className="ss-bar__pulse" aria-hidden="true" /> Live
      </span>
      <span className="ss-bar__head">
        <span className="ss-bar__title" title={session.title}>
          {session.title}
        </span>
        <span className="ss-bar__by ss-muted" title={facilitatedBy}>
          {facilitatedBy}
        </span>
      </span>
      <span className="ss-bar__sep" aria-hidden="true" />
      {topic ? (
        <span className="ss-bar__topic" data-testid="session-topic">
          <span className="ss-bar__step">
            {index + 1}/{session.agenda.length}
          </span>
          <span className="ss-bar__kind">{TOPIC_KIND_LABEL[topic.kind]}</span>
          <strong title={title}>{title}</strong>
        </span>
      ) : (
        <span className="ss-bar__topic ss-muted">No topic in focus</span>
      )}
      {left !== null ? (
        <span
          className={`ss-bar__time${left < 0 ? ' ss-bar__time--over' : left < 60 ? ' ss-bar__time--soon' : ''}`}
          data-testid="session-time"
          aria-label={left < 0 ? 'Timebox over' : 'Time left'}
        >
          <Icon name="clock" size={13} />
          {left < 0 ? `+${formatSeconds(left)} over` : `${formatSeconds(left)} left`}
        </span>
      ) : null}
      <span className="ss-bar__controls">
        <AgendaMenu
          session={session}
          data={data}
          isFacilitator={isFacilitator}
          onGoTo={onGoTo}
          onEdit={onEditAgenda}
          commentersVote={commentersVote}
        />
        {isFacilitator ? (
          <span className="ss-bar__group">
            <Button
              size="sm"
              variant="ghost"
              icon
              aria-label="Previous topic"
              disabled={!prev}
              onClick={() => prev && onGoTo(prev)}
            >
              <Icon name="chevronLeft" size={14} />
            </Button>
            <Button
              size="sm"
              disabled={!next}
              title={next ? `Next topic: ${topicTitle(data, next)}` : 'This is the last topic'}
              onClick={() => next && onGoTo(next)}
            >
              Next<span className="ss-bar__wide"> topic</span>{' '}
              <Icon name="chevronRight" size={14} />
            </Button>
            <Button size="sm" onClick={onOpenVote}>
              Vote
            </Button>
          </span>
        ) : (
          <Button
            size="sm"
            variant={following ? 'default' : 'primary'}
            aria-pressed={following}
            title="Press F to step out of following and back in"
            onClick={onToggleFollow}
          >
            <Icon name="eye" size={14} /> {following ? 'Following' : 'Follow'}{' '}
            <kbd className="kbd">F</kbd>
          </Button>
        )}
        {canEdit ? (
          <span className="ss-bar__group">
            <Button
              size="sm"
              variant="ghost"
              className="ss-bar__note"
              title="Record a decision"
              onClick={() => onNote('decision')}
            >
              <Icon name="check" size={14} /> <span className="ss-bar__label">Decision</span>
            </Button>
            <Button
              size="sm"
              variant="ghost"
              className="ss-bar__note"
              title="Record an action item"
              onClick={() => onNote('action')}
            >
              <Icon name="flag" size={14} /> <span className="ss-bar__label">Action</span>
            </Button>
          </span>
        ) : null}
        {isFacilitator ? (
          <Button size="sm" variant="primary" onClick={onEnd}>
            End session
          </Button>
        ) : null}
      </span>
    </div>
  )
}
