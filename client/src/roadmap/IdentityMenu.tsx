import { useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { Menu } from '../ui/Menu.js'
import { Input } from '../ui/Field.js'
import { PERSON_COLORS } from '../ui/palette.js'
import { localPresence, setPresence } from '../sync/presence.js'
import { loadLocalUser, saveLocalUser } from '../sync/localUser.js'

export function IdentityMenu({
  awareness,
  anchor,
  onClose,
}: {
  awareness: Awareness
  anchor: DOMRect
  onClose(): void
}) {
  const user = localPresence(awareness)?.user
  const [name, setName] = useState(user?.name ?? '')
  if (!user) return null
  const apply = (patch: { name?: string; color?: string }) => {
    const next = { ...user, ...patch }
    setPresence(awareness, { user: next })
    // Choosing a name here counts as giving it: the first-edit prompt will not ask again.
    const named = loadLocalUser().named || patch.name !== undefined
    saveLocalUser({ name: next.name, color: next.color, named })
  }
  return (
    <Menu anchor={anchor} onClose={onClose} label="Your name and colour">
      <form
        className="identity"
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim()) apply({ name: name.trim() })
          onClose()
        }}
      >
        <label className="field__label" htmlFor="identity-name">
          Your name
        </label>
        <Input
          id="identity-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => name.trim() && apply({ name: name.trim() })}
          autoFocus
        />
        <span className="field__label">Your colour</span>
        <div className="swatches" role="group" aria-label="Colour">
          {PERSON_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className="swatch"
              style={{ background: color }}
              aria-label={color}
              aria-pressed={user.color === color}
              onClick={() => apply({ color })}
            />
          ))}
        </div>
      </form>
    </Menu>
  )
}
