import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import type { Role } from '../views/types.js'
import type { Session } from '../sync/session.js'
import { useConnection } from '../sync/useConnection.js'
import { useRoadmapData } from '../sync/useRoadmapData.js'
import { useUndo } from '../undo/useUndo.js'
import { todayIso } from '../app/today.js'
import { AccessEndedPage } from './AccessEndedPage.js'
import { TopBar } from './TopBar.js'
import { ViewTabs } from './ViewTabs.js'
import { ViewHost } from './ViewHost.js'
import { useWorkspace } from './useWorkspace.js'
import { usePreload } from './usePreload.js'
import { useShortcutsKey } from './useShortcutsKey.js'
import { ShortcutsDialog } from './ShortcutsDialog.js'
import type { ShellViewProps } from './shellViewProps.js'
import { SessionLayer } from '../session/SessionLayer.js'
import { StartSessionButton } from '../session/StartSessionButton.js'
import { focusTopic } from '../session/focusTopic.js'

const FeaturePanel = lazy(() =>
  import('../panel/FeaturePanel.js').then((m) => ({ default: m.FeaturePanel })),
)
const ShareDialog = lazy(() =>
  import('../share/ShareDialog.js').then((m) => ({ default: m.ShareDialog })),
)

export function Workspace({
  session,
  role,
  initialTitle,
  linkId,
  view: initialView,
}: {
  session: Session
  role: Role
  initialTitle: string
  /** the share link this tab is connected with (null if unknown, e.g. opened offline) */
  linkId: string | null
  view: string | null
}) {
  const connection = useConnection(session)
  const data = useRoadmapData(session.doc)
  const readOnly = role === 'viewer'
  const undo = useUndo(session.undo, !readOnly)
  const ws = useWorkspace(session.awareness, initialView)
  usePreload(session.provider)
  const [shortcutsOpen, setShortcutsOpen] = useShortcutsKey()
  const [startingSession, setStartingSession] = useState(false)
  const today = useMemo(() => todayIso(), [])
  const title = data.meta.title || initialTitle
  useEffect(() => {
    document.title = `${title} · Meridian`
  }, [title])
  const ownView = ws.view === 'timeline' || ws.view === 'now-next-later'
  const viewProps: ShellViewProps = {
    roadmapId: session.id,
    token: session.token,
    doc: session.doc,
    roadmap: session.roadmap,
    data,
    role,
    readOnly,
    today,
    awareness: session.awareness,
    selectFeature: ownView ? ws.selectFeature : ws.selectAndOpen,
    selectedFeatureId: ws.selectedFeatureId,
    openFeature: ws.openFeature,
    session,
    followClientId: ws.followClientId,
    stopFollowing: ws.stopFollowing,
  }
  if (connection.ended) return <AccessEndedPage reason={connection.ended} />
  const selected =
    ws.panelOpen && ws.selectedFeatureId
      ? data.features.find((f) => f.id === ws.selectedFeatureId)
      : undefined
  return (
    <div className={`workspace${readOnly ? ' workspace--readonly' : ''}`}>
      <TopBar
        title={title}
        onRename={(title) => session.roadmap.setMeta({ title })}
        role={role}
        status={connection.status}
        awareness={session.awareness}
        undo={undo}
        followClientId={ws.followClientId}
        onFollow={ws.follow}
        onShare={() => ws.setShareOpen(true)}
        onShortcuts={() => setShortcutsOpen(true)}
        sessionAction={
          readOnly ? null : (
            <StartSessionButton session={session} onStart={() => setStartingSession(true)} />
          )
        }
      />
      <SessionLayer
        session={session}
        data={data}
        role={role}
        today={today}
        starting={startingSession}
        onStartingChange={setStartingSession}
        onFocus={(topic) => focusTopic(topic, ws)}
      />
      <ViewTabs view={ws.view} onChange={ws.setView} />
      <div className="workspace__body">
        <ViewHost view={ws.view} props={viewProps} />
        {selected ? (
          <Suspense fallback={<aside className="panel panel--loading" aria-busy="true" />}>
            <FeaturePanel
              key={selected.id}
              feature={selected}
              viewProps={viewProps}
              onClose={ws.closePanel}
            />
          </Suspense>
        ) : null}
      </div>
      {shortcutsOpen ? <ShortcutsDialog onClose={() => setShortcutsOpen(false)} /> : null}
      {ws.shareOpen && role === 'owner' ? (
        <Suspense fallback={null}>
          <ShareDialog
            roadmapId={session.id}
            token={session.token}
            linkId={linkId}
            title={title}
            onClose={() => ws.setShareOpen(false)}
          />
        </Suspense>
      ) : null}
    </div>
  )
}
