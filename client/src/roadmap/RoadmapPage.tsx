import { useSession } from '../sync/useSession.js'
import { FullPageMessage } from '../ui/FullPageMessage.js'
import { PageLoading } from '../ui/PageLoading.js'
import { AccessEndedPage } from './AccessEndedPage.js'
import { Workspace } from './Workspace.js'

export function RoadmapPage({
  id,
  token,
  view,
}: {
  id: string
  token: string
  view: string | null
}) {
  const state = useSession(id, token)
  switch (state.phase) {
    case 'loading':
      return <PageLoading label="Opening roadmap…" />
    case 'ended':
      return <AccessEndedPage reason={state.reason} />
    case 'error':
      return (
        <FullPageMessage
          icon="wifiOff"
          title="Can't reach Meridian"
          body={state.message}
          action={
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => window.location.reload()}
            >
              Try again
            </button>
          }
        />
      )
    case 'ready':
      return (
        <Workspace
          session={state.session}
          role={state.role}
          initialTitle={state.title}
          linkId={state.linkId}
          view={view}
        />
      )
    default: {
      const unreachable: never = state
      return unreachable
    }
  }
}
