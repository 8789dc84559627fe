// Recording a decision or an action item during a topic, attached to the topic's entity.
import { useState } from 'react'
import { Button } from '../ui/Button.js'
import { Dialog } from '../ui/Dialog.js'
import { Field, Input, TextArea } from '../ui/Field.js'

export type NoteKind = 'decision' | 'action'

export function NoteDialog({
  kind,
  subject,
  onSave,
  onClose,
}: {
  kind: NoteKind
  /** What the note is attached to, e.g. "Feature · Checkout v2". */
  subject: string
  onSave(note: { text: string; owner: string; due: string | null }): void
  onClose(): void
}) {
  const [text, setText] = useState('')
  const [owner, setOwner] = useState('')
  const [due, setDue] = useState('')
  const valid = text.trim().length > 0 && (kind === 'decision' || owner.trim().length > 0)
  const save = () => {
    if (valid) onSave({ text, owner, due: /^\d{4}-\d{2}-\d{2}$/.test(due) ? due : null })
  }
  return (
    <Dialog
      title={kind === 'decision' ? 'Record a decision' : 'Add an action item'}
      description={subject ? `On ${subject}` : 'On this session'}
      onClose={onClose}
      width={520}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={!valid} onClick={save}>
            {kind === 'decision' ? 'Record decision' : 'Add action'}
          </Button>
        </>
      }
    >
      <form
        className="ss-form"
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <Field label={kind === 'decision' ? 'Decision' : 'Action'}>
          {(id) => (
            <TextArea
              id={id}
              rows={3}
              value={text}
              placeholder={
                kind === 'decision'
                  ? 'Move Checkout v2 to Q3: payments team is at capacity'
                  : 'Tell the payments team about the new dates'
              }
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) save()
              }}
            />
          )}
        </Field>
        {kind === 'action' ? (
          <div className="ss-form__pair">
            <Field label="Owner">
              {(id) => <Input id={id} value={owner} onChange={(e) => setOwner(e.target.value)} />}
            </Field>
            <Field label="Due">
              {(id) => (
                <Input id={id} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
              )}
            </Field>
          </div>
        ) : null}
      </form>
    </Dialog>
  )
}
