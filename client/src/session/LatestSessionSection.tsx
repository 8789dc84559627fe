// "Latest planning session" in the report (and so on the stakeholder link): the newest
// published recap, with its Markdown and PDF.
import type * as Y from 'yjs'
import { buildRecap, latestPublished } from '@meridian/model'
import type { RoadmapData } from '@meridian/model'
import { downloadRecap } from './downloadMarkdown.js'
import { RecapPdfButton } from './RecapPdfButton.js'
import { RecapView } from './RecapView.js'
import { useSessions } from './useSessions.js'
import './session.css'

export function LatestSessionSection({
  doc,
  data,
  roadmapId,
  token,
}: {
  doc: Y.Doc
  data: RoadmapData
  roadmapId: string
  token: string
}) {
  const latest = latestPublished(useSessions(doc))
  if (!latest) return null
  const recap = buildRecap(latest, data)
  return (
    <section
      className="rp-section"
      aria-labelledby="rp-latest-session"
      data-testid="report-latest-session"
    >
      <header className="rp-section__head">
        <h2 id="rp-latest-session">Latest planning session: {latest.title}</h2>
        <span className="ss-recap__exports rp-noprint">
          <button
            type="button"
            className="btn btn--sm btn--ghost"
            onClick={() => downloadRecap(recap)}
          >
            Markdown
          </button>
          <RecapPdfButton
            className="btn--sm"
            roadmapId={roadmapId}
            token={token}
            sessionId={latest.id}
            title={latest.title}
          />
        </span>
      </header>
      <RecapView recap={recap} />
    </section>
  )
}
