// One comment: who wrote it and when, its text with mentions highlighted, and, for its
// author, edit and delete.
import { useState } from 'react'
import { mayEdit } from '@meridian/model'
import type { Comment, ThreadId } from '@meridian/model'
import { Avatar } from '../ui/Avatar.js'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import { useCommentsContext } from './CommentsContext.js'
import { Composer } from './Composer.js'
import { MentionText } from './MentionText.js'
import { personColor } from './personColor.js'
import { fullTime, relativeTime } from './relativeTime.js'

export function CommentItem({ threadId, comment }: { threadId: ThreadId; comment: Comment }) {
  const ctx = useCommentsContext()
  const [editing, setEditing] = useState(false)
  const own = ctx?.writer && ctx.author ? mayEdit(comment, ctx.author) : false
  if (comment.deleted) {
    return (
      <li className="comment comment--deleted" data-testid="comment">
        <span className="comment__deleted">Comment deleted</span>
      </li>
    )
  }
  return (
    <li className="comment" data-testid="comment">
      <Avatar name={comment.authorName} color={personColor(comment.authorName)} size="sm" />
      <div className="comment__body">
        <div className="comment__meta">
          <span className="comment__author">{comment.authorName}</span>
          <time
            className="comment__time"
            dateTime={comment.createdAt}
            title={fullTime(comment.createdAt)}
          >
            {relativeTime(comment.createdAt)}
          </time>
          {comment.editedAt ? (
            <span className="comment__edited" title={fullTime(comment.editedAt)}>
              (edited)
            </span>
          ) : null}
          {own && !editing ? (
            <span className="comment__actions">
              <Button
                variant="ghost"
                size="sm"
                icon
                aria-label="Edit comment"
                title="Edit"
                onClick={() => setEditing(true)}
              >
                <Icon name="edit" size={13} />
              </Button>
              <Button
                variant="ghost"
                size="sm"
                icon
                aria-label="Delete comment"
                title="Delete"
                onClick={() => ctx?.writer?.delete(threadId, comment.id)}
              >
                <Icon name="trash" size={13} />
              </Button>
            </span>
          ) : null}
        </div>
        {editing && ctx?.writer ? (
          <Composer
            people={ctx.people}
            placeholder="Edit your comment"
            submitLabel="Save"
            initial={comment.text}
            autoFocus
            onCancel={() => setEditing(false)}
            onSubmit={(input) => {
              const done = ctx.writer?.edit(threadId, comment.id, input) ?? false
              if (done) setEditing(false)
              return done
            }}
          />
        ) : (
          <p className="comment__text">
            <MentionText text={comment.text} mentions={comment.mentions} />
          </p>
        )}
      </div>
    </li>
  )
}
