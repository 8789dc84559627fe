import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { Icon } from './Icon.js'

const ITEMS = '[role="menuitem"], [role="menuitemcheckbox"]'

export interface MenuProps {
  /** Screen position of the anchor (e.g. a button's bounding rect). */
  anchor: { left: number; top: number; bottom: number }
  onClose(): void
  label: string
  /** 'dialog' for a menu that holds a form or a picker rather than menu items. */
  role?: 'menu' | 'dialog'
  children: ReactNode
}

/** A floating menu: arrow keys move between items, Escape or a click outside closes it. */
export function Menu({ anchor, onClose, label, role = 'menu', children }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null)
  const [pos, setPos] = useState({ left: anchor.left, top: anchor.bottom + 4 })
  // Closing hands focus back to the control that opened the menu, unless an item moved it
  // elsewhere (a rename field, a dialog): the keyboard carries on from where it was.
  useLayoutEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    const menu = ref.current
    return () => {
      const now = document.activeElement
      if (!now || now === document.body || menu?.contains(now)) opener?.focus()
    }
  }, [])
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const rect = el.getBoundingClientRect()
    const left = Math.min(anchor.left, window.innerWidth - rect.width - 8)
    const top =
      anchor.bottom + 4 + rect.height > window.innerHeight
        ? anchor.top - rect.height - 4
        : anchor.bottom + 4
    setPos({ left: Math.max(8, left), top: Math.max(8, top) })
    // A control marked data-autofocus (a search box, a name field) is where typing goes;
    // data-autofocus="select" also selects its text, so typing replaces a default name.
    const first =
      el.querySelector<HTMLElement>('[data-autofocus]') ??
      el.querySelector<HTMLElement>(ITEMS + ', button')
    first?.focus()
    if (first instanceof HTMLInputElement && first.dataset.autofocus === 'select') first.select()
  }, [anchor.left, anchor.top, anchor.bottom])
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose()
    }
    window.addEventListener('mousedown', onDown, true)
    return () => window.removeEventListener('mousedown', onDown, true)
  }, [onClose])
  return createPortal(
    <div
      ref={ref}
      className="menu"
      role={role}
      aria-label={label}
      style={{ left: pos.left, top: pos.top }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onClose()
          return
        }
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
        e.preventDefault()
        const items = [...(ref.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])]
        const index = items.indexOf(document.activeElement as HTMLElement)
        const next =
          e.key === 'ArrowDown'
            ? (index + 1) % items.length
            : (index - 1 + items.length) % items.length
        items[next]?.focus()
      }}
    >
      {children}
    </div>,
    document.body,
  )
}

export function MenuItem({
  onSelect,
  danger,
  children,
}: {
  onSelect(): void
  danger?: boolean
  children: ReactNode
}) {
  return (
    <button
      type="button"
      role="menuitem"
      className={danger ? 'menu__item menu__item--danger' : 'menu__item'}
      onClick={onSelect}
    >
      {children}
    </button>
  )
}

export function MenuSeparator() {
  return <div className="menu__sep" role="separator" />
}

/** An item that turns a setting on or off; the menu stays open so the change shows. */
export function MenuCheckItem({
  checked,
  onChange,
  children,
}: {
  checked: boolean
  onChange(checked: boolean): void
  children: ReactNode
}) {
  return (
    <button
      type="button"
      role="menuitemcheckbox"
      aria-checked={checked}
      className="menu__item menu__item--check"
      onClick={() => onChange(!checked)}
    >
      <span className="menu__check" aria-hidden="true">
        {checked ? <Icon name="check" size={14} /> : null}
      </span>
      {children}
    </button>
  )
}
