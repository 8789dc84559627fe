import type { MouseEventHandler } from 'react'
import { initials } from './initials.js'

export interface AvatarProps {
  name: string
  color: string
  size?: 'sm' | 'md'
  viewer?: boolean
  title?: string
  onClick?: MouseEventHandler<HTMLButtonElement>
  pressed?: boolean
  label?: string
}

/** A person's initials on their colour; a button when clickable. */
export function Avatar({
  name,
  color,
  size = 'md',
  viewer = false,
  title,
  onClick,
  pressed,
  label,
}: AvatarProps) {
  const className = ['avatar', size === 'sm' ? 'avatar--sm' : '', viewer ? 'avatar--viewer' : '']
    .filter(Boolean)
    .join(' ')
  const style = { background: color, boxShadow: pressed ? `0 0 0 2px ${color}` : undefined }
  if (onClick) {
    return (
      <button
        type="button"
        className={className}
        style={{ ...style, cursor: 'pointer', padding: 0 }}
        title={title ?? name}
        aria-label={label ?? name}
        aria-pressed={pressed}
        onClick={onClick}
      >
        {initials(name)}
      </button>
    )
  }
  return (
    <span
      className={className}
      style={style}
      title={title ?? name}
      aria-label={label ?? name}
      role="img"
    >
      {initials(name)}
    </span>
  )
}
