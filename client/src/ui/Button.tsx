import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react'

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'default' | 'primary' | 'ghost' | 'danger'
  size?: 'sm' | 'md' | 'lg'
  /** Square icon-only button; give it an aria-label. */
  icon?: boolean
  children?: ReactNode
  /** React 19 passes a function component's ref as a prop: it reaches the <button>. */
  ref?: Ref<HTMLButtonElement>
}

export function Button({
  variant = 'default',
  size = 'md',
  icon = false,
  className,
  type,
  ...rest
}: ButtonProps) {
  const classes = ['btn']
  if (variant !== 'default') classes.push(`btn--${variant}`)
  if (size !== 'md') classes.push(`btn--${size}`)
  if (icon) classes.push('btn--icon')
  if (className) classes.push(className)
  return <button type={type ?? 'button'} className={classes.join(' ')} {...rest} />
}
