// The recap when a session ends: read it, publish it to the report and stakeholder link
// (owner), save it as Markdown or PDF.
import type { PlanningSession, RoadmapData } from '@meridian/model'
import { buildRecap } from '@meridian/model'
import { Button } from '../ui/Button.js'
import { Dialog } from '../ui/Dialog.js'
import { Icon } from '../ui/Icon.js'
import { downloadRecap } from './downloadMarkdown.js'
import { RecapPdfButton } from './RecapPdfButton.js'
import { RecapView } from './RecapView.js'

export function RecapDialog({
  session,
  data,
  roadmapId,
  token,
  canPublish,
  onPublish,
  onClose,
}: {
  session: PlanningSession
  data: RoadmapData
  roadmapId: string
  token: string
  canPublish: boolean
  onPublish(published: boolean): void
  onClose(): void
}) {
  const recap = buildRecap(session, data)
  return (
    <Dialog
      title={`Recap: ${session.title}`}
      description="What this session changed and decided."
      onClose={onClose}
      width={760}
      footer={
        <>
          <Button onClick={() => downloadRecap(recap)}>
            <Icon name="copy" size={14} /> Markdown
          </Button>
          <RecapPdfButton
            roadmapId={roadmapId}
            token={token}
            sessionId={session.id}
            title={session.title}
          />
          {canPublish ? (
            <Button
              variant={session.published ? 'default' : 'primary'}
              onClick={() => onPublish(!session.published)}
            >
              <Icon name="share" size={14} />{' '}
              {session.published ? 'Unpublish' : 'Publish to report'}
            </Button>
          ) : null}
          <Button variant={canPublish ? 'ghost' : 'primary'} onClick={onClose}>
            Done
          </Button>
        </>
      }
    >
      <RecapView recap={recap} />
    </Dialog>
  )
}
