import type { ConnectionStatus } from '../sync/useConnection.js'

const COPY: Record<ConnectionStatus, { label: string; title: string }> = {
  online: { label: 'Live', title: 'Connected: your edits reach everyone instantly' },
  syncing: { label: 'Syncing…', title: 'Connecting to the server and exchanging changes' },
  offline: {
    label: 'Offline',
    title:
      'Offline: keep editing, your changes are saved in this browser and merge when you are back online',
  },
  'storage-full': {
    label: 'Server full',
    title:
      'The server is out of storage space and could not save the latest changes: they are kept in this browser and sent when it has room again (retrying, less often each time)',
  },
}

/** What a read-only reader is told (nothing of theirs is waiting to be sent). */
const READ_ONLY_TITLE: Record<ConnectionStatus, string> = {
  online: 'Connected: changes appear here the moment they are made',
  syncing: 'Connecting to the server for the latest plan',
  offline: 'Offline: showing the plan as it was last seen; it updates when you are back online',
  'storage-full': 'The server is out of storage space; the plan updates again once it has room',
}

export function ConnectionIndicator({
  status,
  readOnly = false,
}: {
  status: ConnectionStatus
  readOnly?: boolean
}) {
  const copy = COPY[status]
  return (
    <span
      className={`conn conn--${status}`}
      role="status"
      aria-live="polite"
      title={readOnly ? READ_ONLY_TITLE[status] : copy.title}
      data-status={status}
    >
      <span className="conn__dot" aria-hidden="true" />
      {copy.label}
    </span>
  )
}
