// Opening a vote on a set of features: dot voting with N dots each, or a 1–5 score.
import { useState } from 'react'
import { VOTE_MODE } from '@meridian/model'
import type { RoadmapData, VoteInput, VoteMode } from '@meridian/model'
import { Button } from '../ui/Button.js'
import { Dialog } from '../ui/Dialog.js'
import { Field, Input } from '../ui/Field.js'
import { CommentersVoteSwitch } from './CommentersVoteSwitch.js'

export function OpenVoteDialog({
  data,
  commentersVote,
  onOpen,
  onClose,
}: {
  data: RoadmapData
  /** The owner's switch for the session: whether commenter links may vote. */
  commentersVote: { value: boolean; onChange(allowed: boolean): void } | null
  onOpen(vote: VoteInput): void
  onClose(): void
}) {
  const [title, setTitle] = useState('What should we do next?')
  const [mode, setMode] = useState<VoteMode>(VOTE_MODE.dots)
  const [budget, setBudget] = useState('3')
  const [chosen, setChosen] = useState<string[]>([])
  const toggle = (id: string) =>
    setChosen((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]))
  const valid = chosen.length >= 2 && title.trim().length > 0
  return (
    <Dialog
      title="Open a vote"
      description="Votes stay hidden until you reveal them."
      onClose={onClose}
      width={560}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={!valid}
            onClick={() =>
              onOpen({ title, mode, budget: Math.max(1, Number(budget) || 1), options: chosen })
            }
          >
            Open vote
          </Button>
        </>
      }
    >
      <div className="ss-form">
        <Field label="Question">
          {(id) => <Input id={id} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <div className="ss-form__pair">
          <div className="field">
            <span className="field__label">Kind</span>
            <div className="segmented" role="group" aria-label="Vote kind">
              <button
                type="button"
                aria-pressed={mode === VOTE_MODE.dots}
                onClick={() => setMode(VOTE_MODE.dots)}
              >
                Dot voting
              </button>
              <button
                type="button"
                aria-pressed={mode === VOTE_MODE.score}
                onClick={() => setMode(VOTE_MODE.score)}
              >
                Score 1–5
              </button>
            </div>
          </div>
          {mode === VOTE_MODE.dots ? (
            <Field label="Dots per person">
              {(id) => (
                <Input
                  id={id}
                  inputMode="numeric"
                  value={budget}
                  onChange={(e) => setBudget(e.target.value.replace(/\D/g, '').slice(0, 2))}
                />
              )}
            </Field>
          ) : null}
        </div>
        <fieldset className="ss-options">
          <legend className="field__label">Features ({chosen.length} chosen)</legend>
          {data.features.map((f) => (
            <label key={f.id} className="ss-options__row">
              <input
                type="checkbox"
                checked={chosen.includes(f.id)}
                onChange={() => toggle(f.id)}
              />
              <span>{f.title || 'Untitled feature'}</span>
            </label>
          ))}
        </fieldset>
        {commentersVote ? <CommentersVoteSwitch {...commentersVote} /> : null}
      </div>
    </Dialog>
  )
}
