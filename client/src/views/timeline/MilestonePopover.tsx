import { useState } from 'react'
import { milestoneState } from '@meridian/model'
import type { IsoDate, Lane, LaneId, Milestone, MilestoneStatus, Roadmap } from '@meridian/model'
import { Menu } from '../../ui/Menu.js'
import { Input, Select } from '../../ui/Field.js'
import { Button } from '../../ui/Button.js'
import { OpenCommentsButton } from '../../comments/OpenCommentsButton.js'
import { Icon } from '../../ui/Icon.js'
import { formatLong } from '../../app/dates.js'

export function MilestonePopover({
  milestone,
  lanes,
  roadmap,
  readOnly,
  today,
  anchor,
  onClose,
}: {
  milestone: Milestone
  lanes: readonly Lane[]
  roadmap: Roadmap
  readOnly: boolean
  today: IsoDate
  anchor: DOMRect
  onClose(): void
}) {
  const [title, setTitle] = useState(milestone.title)
  const overdue = milestoneState(milestone, today) === 'overdue'
  if (readOnly) {
    return (
      <Menu anchor={anchor} onClose={onClose} label={`Milestone ${milestone.title}`}>
        <div className="milestone-pop">
          <strong>{milestone.title}</strong>
          <span className="field__hint">
            {formatLong(milestone.date)} · {overdue ? 'overdue' : milestone.status}
          </span>
          <OpenCommentsButton
            target={{ kind: 'milestones', id: milestone.id }}
            onOpened={onClose}
          />
        </div>
      </Menu>
    )
  }
  return (
    <Menu anchor={anchor} onClose={onClose} label={`Milestone ${milestone.title}`}>
      <form
        className="milestone-pop"
        onSubmit={(e) => {
          e.preventDefault()
          onClose()
        }}
      >
        <label className="field__label" htmlFor="ms-title">
          Milestone
        </label>
        <Input
          id="ms-title"
          value={title}
          autoFocus
          onChange={(e) => setTitle(e.target.value)}
          onBlur={() =>
            title.trim() &&
            title !== milestone.title &&
            roadmap.milestones.update(milestone.id, { title: title.trim() })
          }
        />
        <label className="field__label" htmlFor="ms-date">
          Date
        </label>
        <Input
          id="ms-date"
          type="date"
          value={milestone.date ?? ''}
          onChange={(e) =>
            e.target.value && roadmap.milestones.update(milestone.id, { date: e.target.value })
          }
        />
        <label className="field__label" htmlFor="ms-lane">
          Lane
        </label>
        <Select
          id="ms-lane"
          value={milestone.laneId ?? ''}
          onChange={(e) =>
            roadmap.milestones.update(milestone.id, {
              laneId: (e.target.value || null) as LaneId | null,
            })
          }
        >
          <option value="">Whole roadmap</option>
          {lanes.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </Select>
        <label className="field__label" htmlFor="ms-status">
          Status
        </label>
        <Select
          id="ms-status"
          value={milestone.status}
          onChange={(e) =>
            roadmap.milestones.update(milestone.id, { status: e.target.value as MilestoneStatus })
          }
        >
          <option value="upcoming">{overdue ? 'Upcoming (overdue)' : 'Upcoming'}</option>
          <option value="reached">Reached</option>
          <option value="missed">Missed</option>
        </Select>
        {overdue ? (
          <span className="field__hint milestone-pop__overdue" data-testid="milestone-overdue">
            Overdue: its date has passed. Mark it reached or missed.
          </span>
        ) : null}
        <div className="milestone-pop__actions">
          <Button
            size="sm"
            variant="danger"
            onClick={() => {
              roadmap.milestones.delete(milestone.id)
              onClose()
            }}
          >
            <Icon name="trash" size={13} /> Delete
          </Button>
          <OpenCommentsButton
            target={{ kind: 'milestones', id: milestone.id }}
            onOpened={onClose}
          />
          <Button size="sm" variant="primary" type="submit">
            Done
          </Button>
        </div>
      </form>
    </Menu>
  )
}
