import type { Resource, ResourceKind, Roadmap } from '@meridian/model'
import { Avatar } from '../../ui/Avatar.js'
import { Badge } from '../../ui/Badge.js'
import { Icon } from '../../ui/Icon.js'
import { pick, PERSON_COLORS } from '../../ui/palette.js'
import { InlineNumber } from '../planning/InlineNumber.js'
import { InlineText } from '../planning/InlineText.js'
import { formatNumber, labelOf } from '../planning/format.js'
import type { LoadRow } from './useResources.js'
import { ChoiceSelect } from '../planning/Selects.js'

export const KINDS: readonly ResourceKind[] = ['person', 'team', 'budget', 'tool']

interface Props {
  resource: Resource
  row: LoadRow | null
  readOnly: boolean
  roadmap: Roadmap
}

export function ResourceRow({ resource, row, readOnly, roadmap }: Props) {
  const update = (patch: Parameters<Roadmap['resources']['update']>[1]): void => {
    roadmap.resources.update(resource.id, patch)
  }
  const over = row?.overloadedWeeks ?? 0
  return (
    <tr
      data-testid="resource-row"
      data-name={resource.name}
      data-resource-id={resource.id}
      data-overloaded={over > 0 ? 'true' : 'false'}
    >
      <td>
        <span className="rs-name">
          <Avatar name={resource.name} color={pick(PERSON_COLORS, resource.id)} size="sm" />
          <InlineText
            value={resource.name}
            readOnly={readOnly}
            label="Resource name"
            onCommit={(name) => update({ name })}
          />
        </span>
      </td>
      <td>
        <ChoiceSelect
          label={`Kind of ${resource.name}`}
          value={resource.kind}
          choices={KINDS}
          labelOf={labelOf}
          readOnly={readOnly}
          onChange={(kind) => update({ kind })}
        />
      </td>
      <td className="rs-role">
        <InlineText
          value={resource.role}
          readOnly={readOnly}
          label={`Role of ${resource.name}`}
          placeholder="—"
          multiline={false}
          onCommit={(role) => update({ role })}
        />
      </td>
      <td className="pv-num-cell">
        <InlineNumber
          value={resource.capacity}
          readOnly={readOnly}
          min={0}
          label={`Capacity per week of ${resource.name}`}
          onCommit={(capacity) => update({ capacity })}
        />
      </td>
      <td className="pv-num-cell pv-num">
        {row && row.peak > 0 ? formatNumber(row.peak) : <span className="pv-muted">—</span>}
      </td>
      <td>
        {over > 0 ? (
          <Badge tone="danger" dot title="Weeks where assigned work exceeds capacity">
            Overloaded · {over} {over === 1 ? 'week' : 'weeks'}
          </Badge>
        ) : resource.capacity === null ? (
          <span className="pv-muted">No capacity</span>
        ) : (
          <Badge tone="success">Within capacity</Badge>
        )}
      </td>
      {!readOnly && (
        <td>
          <button
            type="button"
            className="pv-icon-btn pv-icon-btn--danger"
            aria-label={`Delete resource ${resource.name}`}
            onClick={() => roadmap.resources.delete(resource.id)}
          >
            <Icon name="trash" size={14} />
          </button>
        </td>
      )}
    </tr>
  )
}
