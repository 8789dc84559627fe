import { FullPageMessage } from '../app/FullPageMessage.js'
import { ACCESS_ENDED_COPY } from '../sync/closeCodes.js'
import type { AccessEnded } from '../sync/closeCodes.js'

export function AccessEndedPage({ reason }: { reason: AccessEnded }) {
  const copy = ACCESS_ENDED_COPY[reason]
  return (
    <FullPageMessage
      icon={reason === 'expired' ? 'clock' : reason === 'not-found' ? 'alert' : 'lock'}
      tone={reason === 'not-found' ? 'neutral' : 'danger'}
      title={copy.title}
      body={copy.body}
    />
  )
}
