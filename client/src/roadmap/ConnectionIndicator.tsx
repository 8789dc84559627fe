import type { ConnectionStatus } from '../sync/useConnection.js'

const COPY: Record<ConnectionStatus, { label: string; title: string }> = {
  online: { label: 'Live', title: 'Connected: your edits reach everyone instantly' },
  syncing: { label: 'Syncing…', title: 'Connecting to the server and exchanging changes' },
  offline: {
    label: 'Offline',
    title:
      'Offline: keep editing, your changes are saved in this browser and merge when you are back online',
  },
}

export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  const copy = COPY[status]
  return (
    <span
      className={`conn conn--${status}`}
      role="status"
      aria-live="polite"
      title={copy.title}
      data-status={status}
    >
      <span className="conn__dot" aria-hidden="true" />
      {copy.label}
    </span>
  )
}
