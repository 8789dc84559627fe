import { useState } from 'react'
import type { BacklogEntry, FeatureId } from '@meridian/model'
import { Icon } from '../../ui/Icon.js'
import { Menu, MenuItem, MenuSeparator } from '../../ui/Menu.js'

interface Props {
  title: string
  currentFeatureId: FeatureId
  /** Read when the menu opens, so the row need not re-render when other features change. */
  moveTargets(): readonly BacklogEntry[]
  onMove(featureId: FeatureId): void
  onCancel(): void
}

/** Scope changes for one item: move it to another feature, or cancel it (remove from scope). */
export function ItemMenu({ title, currentFeatureId, moveTargets, onMove, onCancel }: Props) {
  const [anchor, setAnchor] = useState<DOMRect | null>(null)
  const [moving, setMoving] = useState(false)
  const close = (): void => {
    setAnchor(null)
    setMoving(false)
  }
  return (
    <>
      <button
        type="button"
        className="pv-icon-btn bl-row-action"
        aria-label={`More actions for ${title}`}
        aria-haspopup="menu"
        onClick={(e) => setAnchor(e.currentTarget.getBoundingClientRect())}
      >
        <Icon name="more" size={16} />
      </button>
      {anchor && (
        <Menu anchor={anchor} onClose={close} label={`Actions for ${title}`}>
          {moving ? (
            <div className="bl-move-list">
              <div className="bl-menu-heading">Move to feature</div>
              {moveTargets()
                .filter((f) => f.featureId !== currentFeatureId)
                .map((f) => (
                  <MenuItem
                    key={f.featureId}
                    onSelect={() => {
                      close()
                      onMove(f.featureId)
                    }}
                  >
                    <span className="bl-menu-feature">{f.title}</span>
                    <span className="pv-muted bl-menu-lane">{f.laneName ?? ''}</span>
                  </MenuItem>
                ))}
            </div>
          ) : (
            <>
              <MenuItem onSelect={() => setMoving(true)}>
                <Icon name="arrowRight" size={14} />
                Move to another feature…
              </MenuItem>
              <MenuSeparator />
              <MenuItem
                danger
                onSelect={() => {
                  close()
                  onCancel()
                }}
              >
                <Icon name="trash" size={14} />
                Cancel item (remove from scope)
              </MenuItem>
            </>
          )}
        </Menu>
      )}
    </>
  )
}
