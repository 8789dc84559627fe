// One thread: its comments oldest first, a reply box, and resolve / reopen for who may
// (moderators and the thread's starter). A resolved thread folds to one line until opened.
import { useState } from 'react'
import { mayResolve } from '@meridian/model'
import type { Thread } from '@meridian/model'
import { plural } from '../lib/plural.js'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import { useCommentsContext } from './CommentsContext.js'
import { CommentItem } from './CommentItem.js'
import { Composer } from './Composer.js'
import { relativeTime } from './relativeTime.js'

export function ThreadCard({ thread }: { thread: Thread }) {
  const ctx = useCommentsContext()
  const [expanded, setExpanded] = useState(!thread.resolved)
  const [replying, setReplying] = useState(false)
  const writer = ctx?.writer ?? null
  const canResolve =
    writer !== null && ctx?.author
      ? mayResolve(thread, ctx.author, { moderator: ctx.moderator })
      : false
  const live = thread.comments.filter((c) => !c.deleted).length
  const open = expanded || !thread.resolved
  return (
    <article
      className={`thread${thread.resolved ? ' thread--resolved' : ''}`}
      data-testid="thread"
      aria-label={`Thread by ${thread.authorName}${thread.resolved ? ', resolved' : ''}`}
    >
      {thread.resolved ? (
        <div className="thread__resolved">
          <Icon name="checkCircle" size={14} />
          <span>
            Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy}` : ''}
            {thread.resolvedAt ? ` · ${relativeTime(thread.resolvedAt)}` : ''}
          </span>
          <span className="thread__spacer" />
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={open}
            onClick={() => setExpanded((x) => !x)}
          >
            {open ? 'Hide' : `Show ${plural(live, 'comment')}`}
          </Button>
        </div>
      ) : null}
      {open ? (
        <ol className="thread__comments">
          {thread.comments.map((c) => (
            <CommentItem key={c.id} threadId={thread.id} comment={c} />
          ))}
        </ol>
      ) : null}
      {open && writer && ctx ? (
        <div className="thread__foot">
          {replying ? (
            <Composer
              people={ctx.people}
              placeholder="Reply…"
              submitLabel="Reply"
              autoFocus
              onCancel={() => setReplying(false)}
              onSubmit={(input) => {
                const ok = writer.reply(thread.id, input) !== null
                if (ok) setReplying(false)
                return ok
              }}
            />
          ) : (
            <div className="thread__buttons">
              {thread.resolved ? null : (
                <Button size="sm" variant="ghost" onClick={() => setReplying(true)}>
                  <Icon name="message" size={13} /> Reply
                </Button>
              )}
              <span className="thread__spacer" />
              {canResolve ? (
                thread.resolved ? (
                  <Button size="sm" onClick={() => writer.reopen(thread.id)}>
                    <Icon name="rotate" size={13} /> Reopen
                  </Button>
                ) : (
                  <Button size="sm" onClick={() => writer.resolve(thread.id)}>
                    <Icon name="check" size={13} /> Resolve
                  </Button>
                )
              ) : null}
            </div>
          )}
        </div>
      ) : null}
    </article>
  )
}
