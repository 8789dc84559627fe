// The vote of the session: cast dots or scores while it is open (others' votes hidden), then
// the ranked result, which the facilitator can apply to the backlog order or a RICE field.
import { dotsLeft, tallyVote, VOTE_MODE, VOTE_TARGET } from '@meridian/model'
import type { Person, RiceVoteField, RoadmapData, Vote } from '@meridian/model'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import { VoteApplyActions } from './VoteApplyActions.js'

export function VoteCard({
  vote,
  data,
  me,
  canVote,
  isFacilitator,
  onCast,
  onReveal,
  onApply,
  onApplyRice,
  applied,
  watchNote,
  onDismiss,
}: {
  vote: Vote
  data: RoadmapData
  me: Person
  canVote: boolean
  isFacilitator: boolean
  onCast(marks: Record<string, number>): void
  onReveal(): void
  onApply(order: string[]): void
  onApplyRice(field: RiceVoteField): void
  /** What the last apply did ("Impact set on 3 features"), shown until the next one. */
  applied: string | null
  /** Why this person cannot vote, shown instead of the budget. */
  watchNote: string
  onDismiss(): void
}) {
  const tally = tallyVote(vote, me.key)
  const mine: Record<string, number> = { ...(tally.mine?.marks ?? {}) }
  const list: ReadonlyArray<{ id: string; title: string }> =
    vote.target === VOTE_TARGET.items ? data.items : data.features
  const title = (id: string) => list.find((f) => f.id === id)?.title ?? 'Deleted'
  const left = dotsLeft(vote, mine)
  const dots = vote.mode === VOTE_MODE.dots
  const set = (option: string, value: number) => onCast({ ...mine, [option]: value })
  const top = tally.ranking?.[0]?.value ?? 0
  return (
    <section className="ss-vote" aria-label={`Vote: ${vote.title}`} data-testid="vote-card">
      <header className="ss-vote__head">
        <div>
          <p className="ss-kicker">
            {tally.revealed ? 'Result' : 'Vote open'} ·{' '}
            {dots ? `${vote.budget} dots each` : 'score 1–5'}
          </p>
          <h3 className="ss-vote__title">{vote.title}</h3>
        </div>
        <span className="ss-vote__count" data-testid="vote-voters">
          <Icon name="users" size={14} /> {tally.voters} voted
        </span>
      </header>
      {tally.ranking ? (
        <ol className="ss-rank" data-testid="vote-ranking">
          {tally.ranking.map((row) => (
            <li key={row.option} className="ss-rank__row">
              <span className="ss-rank__place">{row.place}</span>
              <span className="ss-rank__title">{title(row.option)}</span>
              <span className="ss-rank__bar" aria-hidden="true">
                <span style={{ width: `${top ? (row.value / top) * 100 : 0}%` }} />
              </span>
              <span className="ss-rank__value">
                {dots ? `${row.total} ${row.total === 1 ? 'dot' : 'dots'}` : row.value.toFixed(1)}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <ul className="ss-ballot">
          {vote.options.map((option) => {
            const value = mine[option] ?? 0
            return (
              <li key={option} className="ss-ballot__row" data-testid="ballot-row">
                <span className="ss-ballot__title">{title(option)}</span>
                {dots ? (
                  <span className="ss-ballot__dots">
                    <span className="ss-dots" aria-label={`${value} of your dots`}>
                      {Array.from({ length: value }, (_, i) => (
                        <span key={i} className="ss-dot" />
                      ))}
                    </span>
                    <Button
                      size="sm"
                      variant="ghost"
                      icon
                      aria-label={`Take a dot from ${title(option)}`}
                      disabled={!canVote || value === 0}
                      onClick={() => set(option, value - 1)}
                    >
                      <Icon name="minus" size={14} />
                    </Button>
                    <Button
                      size="sm"
                      icon
                      aria-label={`Give a dot to ${title(option)}`}
                      disabled={!canVote || left <= 0}
                      onClick={() => set(option, value + 1)}
                    >
                      <Icon name="plus" size={14} />
                    </Button>
                  </span>
                ) : (
                  <span className="segmented" role="group" aria-label={`Score ${title(option)}`}>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <button
                        key={n}
                        type="button"
                        aria-pressed={value === n}
                        disabled={!canVote}
                        onClick={() => set(option, value === n ? 0 : n)}
                      >
                        {n}
                      </button>
                    ))}
                  </span>
                )}
              </li>
            )
          })}
        </ul>
      )}
      <footer className="ss-vote__foot">
        <span className="ss-muted" data-testid="vote-status">
          {tally.revealed
            ? (applied ?? `${tally.voters} ${tally.voters === 1 ? 'person' : 'people'} voted`)
            : !canVote
              ? watchNote
              : dots
                ? `${left} of ${vote.budget} dots left · others' votes are hidden until revealed`
                : "Others' votes are hidden until revealed"}
        </span>
        <span className="ss-vote__actions">
          {isFacilitator && !tally.revealed ? (
            <Button variant="primary" size="sm" onClick={onReveal}>
              <Icon name="eye" size={14} /> Reveal votes
            </Button>
          ) : null}
          {isFacilitator && tally.ranking ? (
            <VoteApplyActions
              vote={vote}
              onApplyOrder={() => onApply(tally.ranking!.map((r) => r.option))}
              onApplyRice={onApplyRice}
            />
          ) : null}
          {tally.revealed ? (
            <Button size="sm" variant="ghost" onClick={onDismiss}>
              Close
            </Button>
          ) : null}
        </span>
      </footer>
    </section>
  )
}
