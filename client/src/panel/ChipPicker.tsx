import { useState } from 'react'
import { Menu } from '../ui/Menu.js'
import { Icon } from '../ui/Icon.js'

export interface ChipOption {
  id: string
  label: string
  hint?: string
  color?: string
}

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
  const [query, setQuery] = useState('')
  const byId = new Map(options.map((o) => [o.id, o]))
  const q = query.trim().toLowerCase()
  const matches = options.filter((o) => !q || o.label.toLowerCase().includes(q)).slice(0, 50)
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
          onClose={() => {
            setAnchor(null)
            setQuery('')
          }}
        >
          <div className="chips__search">
            <input
              className="input"
              placeholder={`Find ${label.toLowerCase()}…`}
              aria-label={`Find ${label.toLowerCase()}`}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              autoFocus
            />
          </div>
          <div className="chips__options">
            {matches.length === 0 ? <div className="chips__none">Nothing to add</div> : null}
            {matches.map((o) => {
              const checked = value.includes(o.id)
              return (
                <button
                  key={o.id}
                  type="button"
                  role="menuitemcheckbox"
                  aria-checked={checked}
                  className="menu__item"
                  onClick={() =>
                    onChange(checked ? value.filter((v) => v !== o.id) : [...value, o.id])
                  }
                >
                  <span className={`chips__check${checked ? ' chips__check--on' : ''}`}>
                    {checked ? <Icon name="check" size={11} strokeWidth={3} /> : null}
                  </span>
                  {o.color ? <span className="chip__dot" style={{ background: o.color }} /> : null}
                  <span className="chips__option-label">{o.label}</span>
                  {o.hint ? <span className="chips__hint">{o.hint}</span> : null}
                </button>
              )
            })}
          </div>
        </Menu>
      ) : null}
    </div>
  )
}
