// "Latest planning session" in the report (and so on the stakeholder link): the newest
// published recap, with its Markdown.
import type * as Y from 'yjs'
import { buildRecap, latestPublished } from '@meridian/model'
import type { RoadmapData } from '@meridian/model'
import { downloadRecap } from './downloadMarkdown.js'
import { RecapView } from './RecapView.js'
import { useSessions } from './useSessions.js'
import './session.css'

export function LatestSessionSection({ doc, data }: { doc: Y.Doc; data: RoadmapData }) {
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
        <button
          type="button"
          className="btn btn--sm btn--ghost rp-noprint"
          onClick={() => downloadRecap(recap)}
        >
          Markdown
        </button>
      </header>
      <RecapView recap={recap} />
    </section>
  )
}
