import { formatTimestampDay } from '@meridian/model'
import type { BacklogItem, ItemStatus } from '@meridian/model'
import type { Role } from '../types.js'
import { Icon } from '../../ui/Icon.js'

interface Props {
  item: BacklogItem
  role: Role
  readOnly: boolean
  onChange(status: ItemStatus): void
}

/**
 * Under an item's title: who accepted it and when, or — while it is in review — the
 * owner's Accept / Send back, and a note for everyone else.
 */
export function ReviewLine({ item, role, readOnly, onChange }: Props) {
  if (item.status === 'done' && item.acceptedAt) {
    return (
      <span className="bl-accepted" data-testid="accepted-by">
        <Icon name="check" size={12} strokeWidth={2.4} />
        Accepted by {item.acceptedBy ?? 'the owner'} · {formatTimestampDay(item.acceptedAt)}
      </span>
    )
  }
  if (item.status !== 'in-review') return null
  if (role !== 'owner' || readOnly) {
    return <span className="bl-review-note">Waiting for the product owner to accept</span>
  }
  return (
    <span className="bl-review">
      <button type="button" className="btn btn--sm btn--primary" onClick={() => onChange('done')}>
        <Icon name="check" size={13} strokeWidth={2.4} />
        Accept
      </button>
      <button
        type="button"
        className="btn btn--sm btn--ghost"
        onClick={() => onChange('in-progress')}
      >
        Send back
      </button>
    </span>
  )
}
