// `/embed/:id?token=…`: the live timeline alone, read-only, for iframes.
import { Suspense, useMemo, useState } from 'react'
import type { FeatureId } from '@meridian/model'
import { useSession } from '../sync/useSession.js'
import { useConnection } from '../sync/useConnection.js'
import { useContentLoaded } from '../sync/useContentLoaded.js'
import { useRoadmapData } from '../sync/useRoadmapData.js'
import type { Session } from '../sync/session.js'
import type { Role } from '../views/types.js'
import { todayIso } from '../lib/today.js'
import { PageLoading } from '../ui/PageLoading.js'
import { FullPageMessage } from '../ui/FullPageMessage.js'
import { AccessEndedPage } from './AccessEndedPage.js'
import { ConnectionIndicator } from './ConnectionIndicator.js'
import { viewComponent } from '../views/viewRegistry.js'
import type { ShellViewProps } from '../views/shellViewProps.js'

function EmbeddedTimeline({ session, role }: { session: Session; role: Role }) {
  const connection = useConnection(session)
  const loaded = useContentLoaded(session)
  const data = useRoadmapData(session.doc)
  const [selected, setSelected] = useState<FeatureId | null>(null)
  const today = useMemo(() => todayIso(), [])
  const Timeline = viewComponent('timeline')
  if (connection.ended) return <AccessEndedPage reason={connection.ended} embedded />
  if (!Timeline) return null
  const props: ShellViewProps = {
    roadmapId: session.id,
    token: session.token,
    doc: session.doc,
    roadmap: session.roadmap,
    data,
    role,
    readOnly: true,
    loaded,
    today,
    awareness: session.awareness,
    selectFeature: setSelected,
    selectedFeatureId: selected,
    openFeature: setSelected,
    session,
    followClientId: null,
    stopFollowing: () => undefined,
    embedded: true,
  }
  return (
    <div className="embed">
      <div className="embed__bar">
        <strong>{data.meta.title || 'Roadmap'}</strong>
        <ConnectionIndicator status={connection.status} readOnly />
        <a
          className="embed__brand"
          href={`/r/${encodeURIComponent(session.id)}?token=${encodeURIComponent(session.token)}`}
          target="_blank"
          rel="noreferrer"
        >
          Open in Meridian ↗
        </a>
      </div>
      <Suspense fallback={<PageLoading />}>
        <Timeline {...props} />
      </Suspense>
    </div>
  )
}

export function EmbedPage({ id, token }: { id: string; token: string }) {
  const state = useSession(id, token, { readOnly: true })
  switch (state.phase) {
    case 'loading':
      return <PageLoading />
    case 'ended':
      return <AccessEndedPage reason={state.reason} embedded />
    case 'error':
      return (
        <FullPageMessage
          icon="wifiOff"
          title="Can't reach Meridian"
          body={state.message}
          embedded
        />
      )
    case 'ready':
      return <EmbeddedTimeline session={state.session} role={state.role} />
    default: {
      const unreachable: never = state
      return unreachable
    }
  }
}
