// The open-comment count on a bar, card, row or risk (the model's `openCommentCount`): nothing
// when there is none. With `openable`, a button (shown even at 0) that opens the entity's
// comments: rows and risks, which have no panel of their own.
import type { CommentableKind } from '@meridian/model'
import { plural } from '../lib/plural.js'
import { Icon } from '../ui/Icon.js'
import { useCommentsContext } from './CommentsContext.js'
import { useCommentCount } from './useCommentsData.js'
import './comment-count.css'

export function CommentCount({
  kind,
  id,
  openable = false,
  className,
}: {
  kind: CommentableKind
  id: string
  openable?: boolean
  className?: string
}) {
  const ctx = useCommentsContext()
  const count = useCommentCount(kind, id)
  const onOpen = openable && ctx ? () => ctx.open({ kind, id }) : null
  if (count === 0 && !onOpen) return null
  const label = count === 0 ? 'Comments' : plural(count, 'open comment')
  const classes = `comment-count${count === 0 ? ' comment-count--none' : ''}${className ? ` ${className}` : ''}`
  const content = (
    <>
      <Icon name="message" size={11} strokeWidth={2.2} />
      {count > 0 ? <span data-testid="comment-count">{count}</span> : null}
    </>
  )
  if (onOpen) {
    return (
      <button
        type="button"
        className={classes}
        title={label}
        aria-label={label}
        onClick={(e) => {
          e.stopPropagation()
          onOpen()
        }}
        onPointerDown={(e) => e.stopPropagation()}
      >
        {content}
      </button>
    )
  }
  return (
    <span className={classes} title={label} aria-label={label} role="img">
      {content}
    </span>
  )
}
