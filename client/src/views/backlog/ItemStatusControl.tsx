import type { BacklogItem, ItemStatus } from '@meridian/model'
import type { Role } from '../types.js'
import { ITEM_STATUS_LABEL, ITEM_FLOW } from './itemStatus.js'

interface Props {
  item: BacklogItem
  role: Role
  readOnly: boolean
  onChange(status: ItemStatus): void
}

/**
 * The item's place in the flow todo → in progress → in review → done. Done means the
 * product owner reviewed and accepted it, so only the owner can pick it (or reopen a
 * done item); editors hand work over by moving it to review.
 */
export function ItemStatusControl({ item, role, readOnly, onChange }: Props) {
  const isOwner = role === 'owner'
  const locked = readOnly || (item.status === 'done' && !isOwner)
  if (locked) {
    return (
      <span className={`bl-status bl-status--${item.status}`} data-testid="item-status">
        <span className="bl-status__dot" aria-hidden="true" />
        {ITEM_STATUS_LABEL[item.status]}
      </span>
    )
  }
  return (
    <span className="bl-status-edit">
      {' '}
      <span className={`bl-status bl-status--${item.status} bl-status--select`}>
        <span className="bl-status__dot" aria-hidden="true" />
        <select
          aria-label={`Status of ${item.title}`}
          data-testid="item-status-select"
          value={item.status}
          onChange={(e) => onChange(e.target.value as ItemStatus)}
        >
          {ITEM_FLOW.map((status) => (
            <option key={status} value={status} disabled={status === 'done' && !isOwner}>
              {status === 'done' && !isOwner ? 'Done — owner accepts' : ITEM_STATUS_LABEL[status]}
            </option>
          ))}
        </select>
      </span>
    </span>
  )
}
