// The facilitator edits the agenda of a running session: add, remove and reorder topics.
// Each change is written at once (the model converges concurrent edits: fractional ranks,
// one key per topic), so everyone's session bar follows along.
import { useState } from 'react'
import { SESSION_LIMITS, TOPIC_KIND } from '@meridian/model'
import type { PlanningSession, RoadmapData, TopicInput, TopicKind } from '@meridian/model'
import { Button } from '../ui/Button.js'
import { Dialog } from '../ui/Dialog.js'
import { Input, Select } from '../ui/Field.js'
import { Icon } from '../ui/Icon.js'
import { refChoices, TOPIC_KIND_LABEL, topicTitle } from './topicLabel.js'

export function AgendaEditDialog({
  session,
  data,
  onAdd,
  onMove,
  onRemove,
  onClose,
}: {
  session: PlanningSession
  data: RoadmapData
  onAdd(topic: TopicInput): void
  onMove(topicId: string, index: number): void
  onRemove(topicId: string): void
  onClose(): void
}) {
  const [kind, setKind] = useState<TopicKind>(TOPIC_KIND.feature)
  const [ref, setRef] = useState(refChoices(data, TOPIC_KIND.feature)[0]?.id ?? '')
  const [text, setText] = useState('')
  const [timebox, setTimebox] = useState('10')
  const agenda = session.agenda
  const ready = kind === TOPIC_KIND.text ? text.trim() !== '' : ref !== ''
  const add = () => {
    if (!ready) return
    onAdd({ kind, ref: kind === TOPIC_KIND.text ? null : ref, text, timebox: Number(timebox) })
    setText('')
  }
  return (
    <Dialog
      title="Edit agenda"
      description="Changes reach everyone in the session at once."
      onClose={onClose}
      width={620}
      footer={
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      }
    >
      <ol className="ss-agenda-edit" aria-label="Agenda topics" data-testid="agenda-edit">
        {agenda.map((topic, i) => {
          const title = topicTitle(data, topic)
          const now = topic.id === session.currentTopicId
          return (
            <li
              key={topic.id}
              className={`ss-agenda-edit__row${now ? ' ss-agenda-edit__row--now' : ''}`}
            >
              <span className="ss-agenda__num">{i + 1}</span>
              <span className="ss-agenda-edit__title">
                <span className="ss-bar__kind">{TOPIC_KIND_LABEL[topic.kind]}</span> {title}
                {now ? <span className="ss-muted"> · now</span> : null}
              </span>
              <span className="ss-muted">{topic.timebox ? `${topic.timebox} min` : ''}</span>
              <span className="ss-agenda-edit__tools">
                <Button
                  size="sm"
                  variant="ghost"
                  icon
                  aria-label={`Move ${title} up`}
                  disabled={i === 0}
                  onClick={() => onMove(topic.id, i - 1)}
                >
                  <Icon name="chevronDown" size={14} className="ss-flip" />
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  icon
                  aria-label={`Move ${title} down`}
                  disabled={i === agenda.length - 1}
                  onClick={() => onMove(topic.id, i + 1)}
                >
                  <Icon name="chevronDown" size={14} />
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  icon
                  aria-label={`Remove ${title}`}
                  onClick={() => onRemove(topic.id)}
                >
                  <Icon name="trash" size={14} />
                </Button>
              </span>
            </li>
          )
        })}
      </ol>
      <form
        className="ss-agenda-edit__add"
        aria-label="Add a topic"
        onSubmit={(e) => {
          e.preventDefault()
          add()
        }}
      >
        <Select
          aria-label="New topic kind"
          value={kind}
          onChange={(e) => {
            const next = e.target.value as TopicKind
            setKind(next)
            setRef(refChoices(data, next)[0]?.id ?? '')
          }}
        >
          {Object.values(TOPIC_KIND).map((k) => (
            <option key={k} value={k}>
              {TOPIC_KIND_LABEL[k]}
            </option>
          ))}
        </Select>
        {kind === TOPIC_KIND.text ? (
          <Input
            aria-label="New topic text"
            placeholder="What to discuss"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        ) : (
          <Select aria-label="New topic" value={ref} onChange={(e) => setRef(e.target.value)}>
            {refChoices(data, kind).map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </Select>
        )}
        <Input
          aria-label="New topic timebox in minutes"
          inputMode="numeric"
          placeholder="min"
          value={timebox}
          onChange={(e) => setTimebox(e.target.value.replace(/\D/g, '').slice(0, 3))}
        />
        <Button type="submit" disabled={!ready || agenda.length >= SESSION_LIMITS.topics}>
          <Icon name="plus" size={14} /> Add topic
        </Button>
      </form>
    </Dialog>
  )
}
