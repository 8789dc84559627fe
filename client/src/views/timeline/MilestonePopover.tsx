import { useState } from 'react'
import { milestoneState, formatDayLong } from '@meridian/model'
import type { IsoDate, Lane, LaneId, Milestone, MilestoneStatus, Roadmap } from '@meridian/model'
import { Menu } from '../../ui/Menu.js'
import { Input, Select } from '../../ui/Field.js'
import { Button } from '../../ui/Button.js'
import { OpenCommentsButton } from '../../comments/OpenCommentsButton.js'
import { Icon } from '../../ui/Icon.js'
import { DateInput } from '../../ui/DateInput.js'

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
  const [dateProblem, setDateProblem] = useState<string | null>(null)
  const saveTitle = () => {
    const trimmed = title.trim()
    if (trimmed && trimmed !== milestone.title)
      roadmap.milestones.update(milestone.id, { title: trimmed })
  }
  if (readOnly) {
    return (
      <Menu anchor={anchor} onClose={onClose} label={`Milestone ${milestone.title}`} role="dialog">
        <div className="milestone-pop">
          <strong>{milestone.title}</strong>
          <span className="field__hint">
            {formatDayLong(milestone.date)} · {overdue ? 'overdue' : milestone.status}
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
    <Menu anchor={anchor} onClose={onClose} label={`Milestone ${milestone.title}`} role="dialog">
      <form
        className="milestone-pop"
        onSubmit={(e) => {
          e.preventDefault()
          // Enter in the name closes the popover before the field's blur could save it.
          saveTitle()
          onClose()
        }}
      >
        <label className="field__label" htmlFor="ms-title">
          Milestone
        </label>
        <Input
          id="ms-title"
          value={title}
          data-autofocus="select"
          onChange={(e) => setTitle(e.target.value)}
          onBlur={saveTitle}
        />
        <label className="field__label" htmlFor="ms-date">
          Date
        </label>
        <DateInput
          id="ms-date"
          value={milestone.date}
          aria-describedby={dateProblem ? 'ms-date-problem' : undefined}
          onCommit={(date) => date && roadmap.milestones.update(milestone.id, { date })}
          onProblem={setDateProblem}
        />
        {dateProblem ? (
          <span className="field__hint field__hint--error" id="ms-date-problem" role="alert">
            {dateProblem}. Not saved.
          </span>
        ) : null}
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
