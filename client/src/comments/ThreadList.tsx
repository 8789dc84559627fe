// The comments of one entity: its threads (open first) and a box to start a new one. Used by
// the feature panel and by the comments panel of milestones, goals, risks and backlog items.
import { threadsOf } from '@meridian/model'
import { plural } from '../lib/plural.js'
import { useCommentsContext } from './CommentsContext.js'
import { Composer } from './Composer.js'
import type { CommentTarget } from './entityLabel.js'
import { ThreadCard } from './ThreadCard.js'
import { useCommentsData } from './useCommentsData.js'
import './comments.css'

export function ThreadList({ target }: { target: CommentTarget }) {
  const ctx = useCommentsContext()
  const data = useCommentsData(ctx?.doc ?? null)
  if (!ctx) return null
  const threads = threadsOf(data, target.kind, target.id)
  const open = threads.filter((t) => !t.resolved).length
  const writer = ctx.writer
  return (
    <section className="panel__section comments" aria-label="Comments" data-testid="comments">
      <h3 className="panel__section-title comments__title">
        Comments
        {threads.length > 0 ? (
          <span className="comments__count">
            {open > 0 ? plural(open, 'open thread') : 'All resolved'}
          </span>
        ) : null}
      </h3>
      {threads.length === 0 && !writer ? <p className="comments__empty">No comments yet.</p> : null}
      <div className="comments__threads">
        {threads.map((t) => (
          <ThreadCard key={t.id} thread={t} />
        ))}
      </div>
      {writer ? (
        <Composer
          people={ctx.people}
          placeholder={threads.length === 0 ? 'Start a discussion…' : 'New thread…'}
          submitLabel="Comment"
          onSubmit={(input) => writer.startThread(target, input) !== null}
        />
      ) : ctx.author === null ? (
        <p className="comments__note">Comments can be written once this roadmap is online.</p>
      ) : (
        <p className="comments__note">Your link lets you read comments, not write them.</p>
      )}
    </section>
  )
}
