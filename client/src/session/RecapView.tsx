// A session's recap: what changed since the checkpoint, the decisions, the actions, the vote
// results and who attended. Used in the end-of-session dialog and in the report.
import { changeLine, formatDayLong, formatTimestampDay } from '@meridian/model'
import type { SessionRecap } from '@meridian/model'

/** `**bold**` from changeLine, rendered as <strong>; the rest as text. */
function MarkdownLine({ text }: { text: string }) {
  const parts = text.split(/\*\*(.+?)\*\*/g)
  return (
    <>
      {parts.map((part, i) =>
        i % 2 ? (
          <strong key={i}>{part.replace(/\\(.)/g, '$1')}</strong>
        ) : (
          part.replace(/\\(.)/g, '$1')
        ),
      )}
    </>
  )
}

export function RecapView({ recap }: { recap: SessionRecap }) {
  const changes = recap.comparison?.changes ?? []
  return (
    <div className="ss-recap" data-testid="session-recap">
      <p className="ss-recap__meta ss-muted">
        {formatTimestampDay(recap.startedAt)} · facilitated by {recap.facilitator} · attended by{' '}
        {recap.attendees.join(', ') || 'nobody'}
      </p>
      <div className="ss-recap__grid">
        <section>
          <h4>What changed</h4>
          {changes.length ? (
            <ul className="ss-recap__list" data-testid="recap-changes">
              {changes.slice(0, 12).map((c, i) => (
                <li key={`${c.kind}-${c.id}-${c.field}-${i}`}>
                  <MarkdownLine text={changeLine(c)} />
                </li>
              ))}
              {changes.length > 12 ? (
                <li className="ss-muted">and {changes.length - 12} more</li>
              ) : null}
            </ul>
          ) : (
            <p className="ss-muted">
              {recap.comparison ? 'Nothing changed.' : 'No checkpoint to compare with.'}
            </p>
          )}
        </section>
        <section>
          <h4>Decisions</h4>
          {recap.decisions.length ? (
            <ul className="ss-recap__list" data-testid="recap-decisions">
              {recap.decisions.map((d) => (
                <li key={d.id}>
                  {d.subject ? <strong>{d.subject}: </strong> : null}
                  {d.text}
                </li>
              ))}
            </ul>
          ) : (
            <p className="ss-muted">No decisions recorded.</p>
          )}
          {recap.actions.length ? (
            <>
              <h4>Actions</h4>
              <ul className="ss-recap__list" data-testid="recap-actions">
                {recap.actions.map((a) => (
                  <li key={a.id}>
                    {a.subject ? <strong>{a.subject}: </strong> : null}
                    {a.text}{' '}
                    <span className="ss-muted">
                      ({a.owner || 'unassigned'}
                      {a.due ? `, due ${formatDayLong(a.due)}` : ''})
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>
      {recap.votes.map((vote, i) => (
        <section key={i} className="ss-recap__vote" data-testid="recap-vote">
          <h4>Vote: {vote.title}</h4>
          <ol className="ss-recap__ranking">
            {vote.ranking.map((row) => (
              <li key={row.option}>
                <span className="ss-rank__place">{row.place}</span> {row.title}{' '}
                <span className="ss-muted">
                  {vote.mode === 'dots'
                    ? `${row.total} ${row.total === 1 ? 'dot' : 'dots'}`
                    : `${row.value.toFixed(1)} mean`}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  )
}
