import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react'
import type { FeatureId } from '@meridian/model'
import type { Role } from '../views/types.js'
import type { Session } from '../sync/session.js'
import { useConnection } from '../sync/useConnection.js'
import { useContentLoaded } from '../sync/useContentLoaded.js'
import { useRoadmapData } from '../sync/useRoadmapData.js'
import { useUndo } from '../undo/useUndo.js'
import { todayIso } from '../lib/today.js'
import { AccessEndedPage } from './AccessEndedPage.js'
import { TopBar } from './TopBar.js'
import { ViewTabs } from './ViewTabs.js'
import { ViewHost } from './ViewHost.js'
import { useWorkspace } from './useWorkspace.js'
import { usePreload } from './usePreload.js'
import { useShortcutsKey } from './useShortcutsKey.js'
import { ShortcutsDialog } from './ShortcutsDialog.js'
import type { ShellViewProps } from '../views/shellViewProps.js'
import { CommentsContext } from '../comments/CommentsContext.js'
import { ActivityButton } from '../comments/ActivityButton.js'
import { useActivity } from '../comments/useActivity.js'
import { useCommentPanels } from '../comments/useCommentPanels.js'
import { useCommentsSetup } from '../comments/useCommentsSetup.js'
import { useRefusal } from '../comments/useRefusal.js'
import { RefusalNotice } from '../comments/RefusalNotice.js'
import { NamePrompt } from '../identity/NamePrompt.js'
import { useHistory } from '../history/useHistory.js'
import { useHistoryKeys } from '../history/useHistoryKeys.js'
import { HistoryDrawer } from '../history/HistoryDrawer.js'
import { VersionBanner } from '../history/VersionBanner.js'
import { entityView } from '../history/entityView.js'
import { SessionLayer } from '../session/SessionLayer.js'
import { StartSessionButton } from '../session/StartSessionButton.js'
import { focusTopic } from '../session/focusTopic.js'

const FeaturePanel = lazy(() =>
  import('../panel/FeaturePanel.js').then((m) => ({ default: m.FeaturePanel })),
)
const ActivityPanel = lazy(() =>
  import('../comments/ActivityPanel.js').then((m) => ({ default: m.ActivityPanel })),
)
const EntityCommentsPanel = lazy(() =>
  import('../comments/EntityCommentsPanel.js').then((m) => ({ default: m.EntityCommentsPanel })),
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
  const loaded = useContentLoaded(session)
  const data = useRoadmapData(session.doc)
  // Commenters see the roadmap as viewers do; they write comments only.
  const readOnly = role === 'viewer' || role === 'commenter'
  const undo = useUndo(session.undo, !readOnly)
  const ws = useWorkspace(session.awareness, initialView)
  const panels = useCommentPanels(ws)
  const comments = useCommentsSetup(session, role, linkId, data, panels.open)
  const activity = useActivity(comments)
  const refusal = useRefusal(session.provider)
  usePreload(session.provider)
  const [shortcutsOpen, setShortcutsOpen] = useShortcutsKey()
  const [startingSession, setStartingSession] = useState(false)
  const today = useMemo(() => todayIso(), [])
  const history = useHistory(session, data, today)
  const openHistory = useCallback(() => history.setPanelOpen(true), [history.setPanelOpen])
  const { shown: baselineShown, setShown: showBaseline } = history.baseline
  const toggleBaseline = useCallback(
    () => showBaseline(!baselineShown),
    [baselineShown, showBaseline],
  )
  useHistoryKeys(openHistory, !readOnly, toggleBaseline)
  // A past version opens in every view, read-only, from its own document (also the newer
  // side of a comparison of two snapshots).
  const version = history.version ?? history.compareTarget
  const title = data.meta.title || initialTitle
  useEffect(() => {
    document.title = `${title} · Meridian`
  }, [title])
  const ownView = ws.view === 'timeline' || ws.view === 'now-next-later'
  const viewProps: ShellViewProps = {
    roadmapId: session.id,
    token: session.token,
    doc: version?.doc ?? session.doc,
    roadmap: version?.roadmap ?? session.roadmap,
    data: version?.data ?? data,
    role,
    readOnly: readOnly || version !== null,
    // a past version's document is whole once it is shown
    loaded: loaded || version !== null,
    today,
    awareness: session.awareness,
    selectFeature: ownView ? ws.selectFeature : ws.selectAndOpen,
    selectedFeatureId: ws.selectedFeatureId,
    openFeature: ws.openFeature,
    session,
    followClientId: ws.followClientId,
    stopFollowing: ws.stopFollowing,
    comparison:
      history.compare?.comparison ?? (history.baseline.shown ? history.baseline.comparison : null),
    baseline:
      history.baseline.snapshot && history.baseline.comparison
        ? { name: history.baseline.snapshot.name, comparison: history.baseline.comparison }
        : null,
    comparisonTone: history.compare ? 'compare' : 'baseline',
  }
  if (connection.ended) return <AccessEndedPage reason={connection.ended} />
  const selected =
    ws.panelOpen && ws.selectedFeatureId
      ? viewProps.data.features.find((f) => f.id === ws.selectedFeatureId)
      : undefined
  return (
    <CommentsContext.Provider value={comments}>
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
          onHistory={() => history.setPanelOpen(!history.panelOpen)}
          historyOpen={history.panelOpen}
          sessionAction={
            readOnly ? null : (
              <StartSessionButton session={session} onStart={() => setStartingSession(true)} />
            )
          }
          activity={
            <ActivityButton
              activity={activity}
              open={panels.activityOpen}
              onToggle={panels.toggleActivity}
            />
          }
        />
        {version ? (
          <VersionBanner
            version={version}
            onBack={history.version ? history.backToNow : history.closeCompare}
          />
        ) : null}
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
          {panels.activityOpen ? (
            <Suspense fallback={<aside className="panel panel--loading" aria-busy="true" />}>
              <ActivityPanel activity={activity} data={data} onClose={panels.closeActivity} />
            </Suspense>
          ) : panels.target ? (
            <Suspense fallback={<aside className="panel panel--loading" aria-busy="true" />}>
              <EntityCommentsPanel
                key={`${panels.target.kind}:${panels.target.id}`}
                target={panels.target}
                data={data}
                onClose={panels.closeTarget}
              />
            </Suspense>
          ) : selected ? (
            <Suspense fallback={<aside className="panel panel--loading" aria-busy="true" />}>
              <FeaturePanel
                key={selected.id}
                feature={selected}
                viewProps={viewProps}
                onClose={ws.closePanel}
              />
            </Suspense>
          ) : null}
          <HistoryDrawer
            history={history}
            role={role}
            roadmapId={session.id}
            token={session.token}
            onOpenEntity={(kind, id) => {
              if (kind === 'features') ws.openFeature(id as FeatureId)
              else ws.setView(entityView(kind))
            }}
          />
        </div>
        {refusal && role === 'commenter' ? <RefusalNotice reason={refusal} /> : null}
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
      <NamePrompt session={session} role={role} />
    </CommentsContext.Provider>
  )
}
