import type { Feature, FeatureId } from '@meridian/model'
import { Menu, MenuItem } from '../../ui/Menu.js'
import { StatusBadge } from '../../ui/Badge.js'

/** The lane's features without dates: open one to give it dates (it then appears on the timeline). */
export function UndatedMenu({
  laneName,
  features,
  anchor,
  onOpen,
  onClose,
}: {
  laneName: string
  features: readonly Feature[]
  anchor: DOMRect
  onOpen(id: FeatureId): void
  onClose(): void
}) {
  return (
    <Menu anchor={anchor} onClose={onClose} label={`Undated features in ${laneName}`}>
      <div className="undated__head">Not on the timeline yet: open one to set its dates</div>
      {features.map((f) => (
        <MenuItem
          key={f.id}
          onSelect={() => {
            onOpen(f.id)
            onClose()
          }}
        >
          <span className="undated__title">{f.title || 'Untitled feature'}</span>
          <StatusBadge status={f.status} />
        </MenuItem>
      ))}
    </Menu>
  )
}
