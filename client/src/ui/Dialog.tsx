import { useEffect, useId, useRef } from 'react'
import type { ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { Icon } from './Icon.js'

export interface DialogProps {
  title: string
  description?: string
  onClose(): void
  children: ReactNode
  footer?: ReactNode
  width?: number
  /** An extra class on the dialog, for a dialog that lays out its body itself. */
  className?: string
}

/** A modal dialog: focus moves in, Escape and the backdrop close it, focus returns after. */
export function Dialog({
  title,
  description,
  onClose,
  children,
  footer,
  width,
  className,
}: DialogProps) {
  const titleId = useId()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    const first = ref.current?.querySelector<HTMLElement>(
      'input, select, textarea, button:not([data-dialog-close])',
    )
    ;(first ?? ref.current)?.focus()
    return () => previous?.focus()
  }, [])
  return createPortal(
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose()
      }}
    >
      <div
        ref={ref}
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        style={width ? { width: `min(${width}px, calc(100vw - 32px))` } : undefined}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation()
            onClose()
          }
        }}
      >
        <div className="dialog__header">
          <div>
            <h2 className="dialog__title" id={titleId}>
              {title}
            </h2>
            {description ? <p className="dialog__desc">{description}</p> : null}
          </div>
          <button
            type="button"
            className="btn btn--ghost btn--icon btn--sm"
            aria-label="Close"
            data-dialog-close
            onClick={onClose}
          >
            <Icon name="x" />
          </button>
        </div>
        <div className="dialog__body">{children}</div>
        {footer ? <div className="dialog__footer">{footer}</div> : null}
      </div>
    </div>,
    document.body,
  )
}
