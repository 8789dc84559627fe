import type { Lane, Roadmap } from '@meridian/model'
import { Menu, MenuItem, MenuSeparator } from '../../ui/Menu.js'
import { LANE_COLORS } from '../../ui/palette.js'
import { Icon } from '../../ui/Icon.js'
import { plural } from '../../lib/plural.js'

export interface LaneMenuProps {
  lane: Lane
  lanes: readonly Lane[]
  roadmap: Roadmap
  anchor: DOMRect
  /** Features in the lane: deleting it leaves them laneless (shown apart, undoable). */
  featureCount: number
  onRename(): void
  onClose(): void
}

/** Rename, colour, reorder (keyboard alternative to dragging) and delete a lane. */
export function LaneMenu({
  lane,
  lanes,
  roadmap,
  anchor,
  featureCount,
  onRename,
  onClose,
}: LaneMenuProps) {
  const index = lanes.findIndex((l) => l.id === lane.id)
  const others = lanes.filter((l) => l.id !== lane.id)
  const act = (fn: () => void) => () => {
    fn()
    onClose()
  }
  return (
    <Menu anchor={anchor} onClose={onClose} label={`Lane ${lane.name}`}>
      <MenuItem onSelect={act(onRename)}>
        <Icon name="edit" size={14} /> Rename
      </MenuItem>
      <div className="swatches" role="group" aria-label="Lane colour">
        {LANE_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            role="menuitem"
            className="swatch"
            style={{ background: color }}
            aria-label={`Colour ${color}`}
            aria-pressed={lane.color === color}
            onClick={act(() => roadmap.lanes.update(lane.id, { color }))}
          />
        ))}
      </div>
      <MenuSeparator />
      <MenuItem onSelect={act(() => roadmap.lanes.update(lane.id, { collapsed: !lane.collapsed }))}>
        <Icon name={lane.collapsed ? 'chevronDown' : 'chevronRight'} size={14} />{' '}
        {lane.collapsed ? 'Expand' : 'Collapse'}
      </MenuItem>
      {index > 0 ? (
        <MenuItem
          onSelect={act(() =>
            roadmap.lanes.reorder(lane.id, { before: others[index - 2]?.id ?? null }),
          )}
        >
          <Icon name="chevronLeft" size={14} /> Move up
        </MenuItem>
      ) : null}
      {index < lanes.length - 1 ? (
        <MenuItem
          onSelect={act(() => roadmap.lanes.reorder(lane.id, { before: others[index].id }))}
        >
          <Icon name="chevronRight" size={14} /> Move down
        </MenuItem>
      ) : null}
      <MenuSeparator />
      <MenuItem danger onSelect={act(() => roadmap.lanes.delete(lane.id))}>
        <Icon name="trash" size={14} /> Delete lane
        {featureCount > 0 ? (
          <span className="lane-menu__hint">
            {plural(featureCount, 'feature goes', 'features go')} to “No lane”
          </span>
        ) : null}
      </MenuItem>
    </Menu>
  )
}
