// Starting a planning session: a title and an agenda of topics, each an entity or free text,
// with an optional timebox.
import { useState } from 'react'
import { TOPIC_KIND } from '@meridian/model'
import type { RoadmapData, TopicInput, TopicKind } from '@meridian/model'
import { Button } from '../ui/Button.js'
import { Dialog } from '../ui/Dialog.js'
import { Field, Input, Select } from '../ui/Field.js'
import { Icon } from '../ui/Icon.js'
import { CommentersVoteSwitch } from './CommentersVoteSwitch.js'
import { refChoices, TOPIC_KIND_LABEL } from './topicLabel.js'

interface Row {
  kind: TopicKind
  ref: string
  text: string
  timebox: string
}

const KINDS = Object.values(TOPIC_KIND)

export function StartSessionDialog({
  data,
  isOwner,
  onStart,
  onClose,
}: {
  data: RoadmapData
  /** Only the owner decides whether commenter links may vote. */
  isOwner: boolean
  onStart(title: string, topics: TopicInput[], commentersVote: boolean): void
  onClose(): void
}) {
  const [title, setTitle] = useState('Planning session')
  const [commentersVote, setCommentersVote] = useState(false)
  const firstFeature = data.features[0]?.id ?? ''
  const [rows, setRows] = useState<Row[]>([
    { kind: firstFeature ? 'feature' : 'text', ref: firstFeature, text: '', timebox: '10' },
  ])
  const update = (i: number, patch: Partial<Row>) =>
    setRows((list) => list.map((row, j) => (j === i ? { ...row, ...patch } : row)))
  const topics: TopicInput[] = rows
    .filter((r) => (r.kind === 'text' ? r.text.trim() : r.ref))
    .map((r) => ({
      kind: r.kind,
      ref: r.kind === 'text' ? null : r.ref,
      text: r.text,
      timebox: Number(r.timebox) > 0 ? Number(r.timebox) : null,
    }))
  return (
    <Dialog
      title="Start a planning session"
      description="Everyone in the roadmap sees the session bar. A checkpoint snapshot is taken now, so the recap can show what changed."
      onClose={onClose}
      width={640}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={topics.length === 0 || !title.trim()}
            onClick={() => onStart(title, topics, commentersVote)}
          >
            Start session
          </Button>
        </>
      }
    >
      <form
        className="ss-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (topics.length && title.trim()) onStart(title, topics, commentersVote)
        }}
      >
        <Field label="Title">
          {(id) => <Input id={id} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <div className="ss-agenda" role="group" aria-label="Agenda">
          <span className="field__label">Agenda</span>
          {rows.map((row, i) => (
            <div className="ss-agenda__row" key={i} data-testid="agenda-row">
              <span className="ss-agenda__num">{i + 1}</span>
              <Select
                aria-label={`Topic ${i + 1} kind`}
                value={row.kind}
                onChange={(e) => {
                  const kind = e.target.value as TopicKind
                  update(i, { kind, ref: refChoices(data, kind)[0]?.id ?? '' })
                }}
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {TOPIC_KIND_LABEL[k]}
                  </option>
                ))}
              </Select>
              {row.kind === 'text' ? (
                <Input
                  aria-label={`Topic ${i + 1} text`}
                  placeholder="What to discuss"
                  value={row.text}
                  onChange={(e) => update(i, { text: e.target.value })}
                />
              ) : (
                <Select
                  aria-label={`Topic ${i + 1}`}
                  value={row.ref}
                  onChange={(e) => update(i, { ref: e.target.value })}
                >
                  {refChoices(data, row.kind).map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </Select>
              )}
              <Input
                className="ss-agenda__time"
                aria-label={`Topic ${i + 1} timebox in minutes`}
                inputMode="numeric"
                placeholder="min"
                value={row.timebox}
                onChange={(e) => update(i, { timebox: e.target.value.replace(/\D/g, '') })}
              />
              <Button
                variant="ghost"
                icon
                size="sm"
                aria-label={`Remove topic ${i + 1}`}
                disabled={rows.length === 1}
                onClick={() => setRows((list) => list.filter((_, j) => j !== i))}
              >
                <Icon name="trash" size={14} />
              </Button>
            </div>
          ))}
          <Button
            size="sm"
            variant="ghost"
            className="ss-agenda__add"
            onClick={() =>
              setRows((list) => [
                ...list,
                {
                  kind: 'feature',
                  ref: data.features[list.length]?.id ?? firstFeature,
                  text: '',
                  timebox: '10',
                },
              ])
            }
          >
            <Icon name="plus" size={14} /> Add topic
          </Button>
        </div>
        {isOwner ? (
          <CommentersVoteSwitch value={commentersVote} onChange={setCommentersVote} />
        ) : null}
        <button type="submit" hidden />
      </form>
    </Dialog>
  )
}
