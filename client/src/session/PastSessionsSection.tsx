// Every earlier planning session of the roadmap with its recap, in the report. People who
// can edit see all ended sessions; a viewer link only the published ones.
import type * as Y from 'yjs'
import { buildRecap, latestPublished, formatTimestampDay } from '@meridian/model'
import type { RoadmapData } from '@meridian/model'
import { RecapView } from './RecapView.js'
import { useSessions } from './useSessions.js'
import './session.css'

export function PastSessionsSection({
  doc,
  data,
  readOnly,
}: {
  doc: Y.Doc
  data: RoadmapData
  readOnly: boolean
}) {
  const sessions = useSessions(doc)
  const latest = latestPublished(sessions)
  const past = sessions.filter(
    (s) => s.endedAt !== null && s.id !== latest?.id && (s.published || !readOnly),
  )
  if (past.length === 0) return null
  return (
    <section
      className="rp-section"
      aria-labelledby="rp-past-sessions"
      data-testid="report-past-sessions"
    >
      <header className="rp-section__head">
        <h2 id="rp-past-sessions">Earlier planning sessions</h2>
        <span className="rp-section__aside">{past.length}</span>
      </header>
      {past.map((s) => (
        <details key={s.id} className="ss-past">
          <summary>
            <strong>{s.title}</strong>{' '}
            <span className="ss-muted">
              {formatTimestampDay(s.startedAt)}
              {s.published ? '' : ' · not published'}
            </span>
          </summary>
          <RecapView recap={buildRecap(s, data)} />
        </details>
      ))}
    </section>
  )
}
