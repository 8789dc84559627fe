import { useEffect, useState } from 'react'
import type { Session } from '../sync/session.js'
import type { Role } from '@meridian/protocol'
import { MAX_PERSON_NAME } from '@meridian/protocol'
import { Dialog } from '../ui/Dialog.js'
import { Button } from '../ui/Button.js'
import { Input } from '../ui/Field.js'
import { answerName, askName, needsName, setFixedName, useNamePromptOpen } from './namePrompt.js'

/**
 * Asks for the person's name at their first edit (once per browser): what they accept and
 * write is recorded under it. Mounted once per open roadmap.
 */
export function NamePrompt({ session, role }: { session: Session; role: Role }) {
  const open = useNamePromptOpen()
  useEffect(() => {
    setFixedName(session.personName)
    return () => setFixedName(null)
  }, [session.personName])
  useEffect(() => {
    if (role === 'viewer') return
    // A local transaction that changed something is an edit by this person (sync and the
    // offline copy apply theirs as remote transactions).
    const onTransaction = (tr: { local: boolean; changed: Map<unknown, unknown> }): void => {
      if (!tr.local || tr.changed.size === 0 || !needsName()) return
      session.doc.off('afterTransaction', onTransaction)
      void askName()
    }
    session.doc.on('afterTransaction', onTransaction)
    return () => session.doc.off('afterTransaction', onTransaction)
  }, [session.doc, role])
  return open ? <NameDialog /> : null
}

function NameDialog() {
  const [name, setName] = useState('')
  const trimmed = name.trim()
  return (
    <Dialog
      title="What’s your name?"
      description="People in this roadmap see it, and what you accept is recorded under it. You can change it any time from your avatar."
      onClose={() => answerName(null)}
      width={420}
      footer={
        <>
          <Button type="button" onClick={() => answerName(null)}>
            Not now
          </Button>
          <Button type="submit" form="name-prompt" variant="primary" disabled={trimmed === ''}>
            Save name
          </Button>
        </>
      }
    >
      <form
        id="name-prompt"
        onSubmit={(e) => {
          e.preventDefault()
          if (trimmed) answerName(trimmed)
        }}
      >
        <label className="field__label" htmlFor="name-prompt-input">
          Your name
        </label>
        <Input
          id="name-prompt-input"
          value={name}
          maxLength={MAX_PERSON_NAME}
          placeholder="e.g. Dana Reyes"
          autoComplete="name"
          onChange={(e) => setName(e.target.value)}
        />
      </form>
    </Dialog>
  )
}
