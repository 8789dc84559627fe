import { FullPageMessage } from '../ui/FullPageMessage.js'
import { ACCESS_ENDED_COPY } from '../sync/closeCodes.js'
import type { AccessEnded } from '../sync/closeCodes.js'

/** `embedded`: inside an iframe (the embed page), see FullPageMessage. */
export function AccessEndedPage({
  reason,
  embedded = false,
}: {
  reason: AccessEnded
  embedded?: boolean
}) {
  const copy = ACCESS_ENDED_COPY[reason]
  return (
    <FullPageMessage
      icon={reason === 'expired' ? 'clock' : reason === 'not-found' ? 'alert' : 'lock'}
      tone={reason === 'not-found' ? 'neutral' : 'danger'}
      title={copy.title}
      body={copy.body}
      embedded={embedded}
    />
  )
}
