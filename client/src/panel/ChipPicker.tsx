import { useRef, useState } from 'react'
import { Menu } from '../ui/Menu.js'
import { Icon } from '../ui/Icon.js'
import { SearchPicker } from '../ui/SearchPicker.js'
import type { PickOption } from '../ui/SearchPicker.js'

export type ChipOption = PickOption

export interface ChipPickerProps {
  label: string
  options: readonly ChipOption[]
  value: readonly string[]
  onChange(next: string[]): void
  readOnly: boolean
  empty: string
}

/** A multi-select shown as chips, with a searchable menu to add more. */
export function ChipPicker({ label, options, value, onChange, readOnly, empty }: ChipPickerProps) {
  const [anchor, setAnchor] = useState<DOMRect | null>(null)
  const addRef = useRef<HTMLButtonElement>(null)
  const byId = new Map(options.map((o) => [o.id, o]))
  return (
    <div className="chips" role="group" aria-label={label}>
      {value.length === 0 && readOnly ? <span className="chips__empty">{empty}</span> : null}
      {value.map((id) => {
        const option = byId.get(id)
        return (
          <span
            key={id}
            className={`chip${option ? '' : ' chip--missing'}`}
            title={option ? option.label : 'This no longer exists'}
          >
            {option?.color ? (
              <span className="chip__dot" style={{ background: option.color }} />
            ) : null}
            <span className="chip__label">{option?.label ?? 'Missing'}</span>
            {readOnly ? null : (
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove ${option?.label ?? 'missing reference'} from ${label}`}
                onClick={() => onChange(value.filter((v) => v !== id))}
              >
                <Icon name="x" size={11} />
              </button>
            )}
          </span>
        )
      })}
      {readOnly ? null : (
        <button
          ref={addRef}
          type="button"
          className="chip chip--add"
          aria-label={`Add to ${label}`}
          onClick={(e) => setAnchor(e.currentTarget.getBoundingClientRect())}
        >
          <Icon name="plus" size={12} /> Add
        </button>
      )}
      {anchor ? (
        <Menu
          anchor={anchor}
          label={label}
          role="dialog"
          onClose={() => {
            setAnchor(null)
            addRef.current?.focus()
          }}
        >
          <SearchPicker
            searchLabel={`Find ${label.toLowerCase()}`}
            placeholder={`Find ${label.toLowerCase()}…`}
            listLabel={label}
            options={options}
            checked={value}
            noMatch={options.length === 0 ? 'Nothing to add' : 'Nothing matches'}
            onPick={(id) =>
              onChange(value.includes(id) ? value.filter((v) => v !== id) : [...value, id])
            }
          />
        </Menu>
      ) : null}
    </div>
  )
}
