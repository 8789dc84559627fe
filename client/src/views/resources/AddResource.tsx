import { useState } from 'react'
import type { ResourceInput, ResourceKind } from '@meridian/model'
import { Icon } from '../../ui/Icon.js'
import { labelOf } from '../planning/format.js'
import { KINDS } from './ResourceRow.js'
import { ChoiceSelect } from '../planning/Selects.js'

/** One line: name, kind and weekly capacity. */
export function AddResource({ onAdd }: { onAdd(input: ResourceInput): void }) {
  const [name, setName] = useState('')
  const [kind, setKind] = useState<ResourceKind>('person')
  const [capacity, setCapacity] = useState('')
  return (
    <form
      className="pv-add rs-add"
      onSubmit={(e) => {
        e.preventDefault()
        if (!name.trim()) return
        const cap = capacity.trim() === '' ? null : Number(capacity)
        onAdd({
          name: name.trim(),
          kind,
          capacity: cap !== null && Number.isFinite(cap) ? cap : null,
        })
        setName('')
        setCapacity('')
      }}
    >
      <Icon name="plus" size={14} />
      <input
        className="pv-add__input"
        value={name}
        placeholder="Add a person, team, budget or tool…"
        aria-label="New resource name"
        onChange={(e) => setName(e.target.value)}
      />
      <ChoiceSelect
        label="New resource kind"
        value={kind}
        choices={KINDS}
        labelOf={labelOf}
        onChange={setKind}
      />
      <input
        className="input rs-add__cap"
        type="number"
        min={0}
        step="any"
        placeholder="Capacity / wk"
        aria-label="New resource capacity per week"
        value={capacity}
        onChange={(e) => setCapacity(e.target.value)}
      />
      <button type="submit" className="btn btn--sm btn--primary" disabled={!name.trim()}>
        Add
      </button>
    </form>
  )
}
