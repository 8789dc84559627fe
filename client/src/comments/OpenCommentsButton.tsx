// "Comments (n)": opens an entity's comments from a popover or menu (milestones).
import { plural } from '../lib/plural.js'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import { useCommentsContext } from './CommentsContext.js'
import type { CommentTarget } from './entityLabel.js'
import { useCommentCount } from './useCommentsData.js'

export function OpenCommentsButton({
  target,
  onOpened,
}: {
  target: CommentTarget
  onOpened?(): void
}) {
  const ctx = useCommentsContext()
  const count = useCommentCount(target.kind, target.id)
  if (!ctx) return null
  return (
    <Button
      size="sm"
      variant="ghost"
      onClick={() => {
        ctx.open(target)
        onOpened?.()
      }}
    >
      <Icon name="message" size={13} /> {count > 0 ? plural(count, 'comment') : 'Comments'}
    </Button>
  )
}
