import type { ShellViewProps } from '../shellViewProps.js'
import { EmptyState } from '../../ui/EmptyState.js'
import { Button } from '../../ui/Button.js'
import { Icon } from '../../ui/Icon.js'
import { useTimeline } from './useTimeline.js'
import { TimelineCanvas } from './TimelineCanvas.js'
import { Toolbar } from './Toolbar.js'
import { EmbedZoom } from './EmbedZoom.js'
import { Legend } from './Legend.js'
import { LaneMenu } from './LaneMenu.js'
import { MilestonePopover } from './MilestonePopover.js'
import { UndatedMenu } from './UndatedMenu.js'
import { usePrintFit } from './usePrintFit.js'
import { ExchangeEntries } from '../../exchange/ExchangeEntries.js'
import './timeline.css'
import './lanes.css'
import './bars.css'
import './marks.css'
import './print.css'

export default function TimelineView(props: ShellViewProps) {
  const tl = useTimeline(props)
  usePrintFit()
  const { data, roadmap, readOnly } = props
  const laneForMenu = tl.lanes.menu ? data.lanes.find((l) => l.id === tl.lanes.menu?.id) : undefined
  const milestone = tl.milestones.menu
    ? data.milestones.find((m) => m.id === tl.milestones.menu?.id)
    : undefined
  const empty = data.lanes.length === 0 && data.features.length === 0
  return (
    <div className="timeline" data-testid="timeline-view">
      {props.embedded ? (
        <EmbedZoom zoom={tl.ts.zoom} onZoom={tl.setZoom} onToday={tl.actions.today} />
      ) : (
        <Toolbar
          zoom={tl.ts.zoom}
          onZoom={tl.setZoom}
          onToday={tl.actions.today}
          readOnly={readOnly}
          onAddLane={tl.actions.addLane}
          onAddFeature={tl.actions.addFeature}
          onAddMilestone={tl.actions.addMilestone}
          following={tl.following}
          followPaused={tl.followPaused}
          onStopFollowing={props.stopFollowing}
          counts={{ features: data.features.length, lanes: data.lanes.length }}
          exchange={<ExchangeEntries tl={tl} />}
        />
      )}
      {empty ? (
        <EmptyState
          icon="layers"
          title="An empty roadmap"
          action={
            readOnly ? undefined : (
              <Button variant="primary" onClick={tl.actions.addLane}>
                <Icon name="plus" /> Add the first lane
              </Button>
            )
          }
        >
          {readOnly
            ? 'Nothing is planned yet. This page updates live as the team plans.'
            : 'Lanes group features by team, product area or theme. Add one, then draw features on it.'}
        </EmptyState>
      ) : null}
      <TimelineCanvas tl={tl} />
      {props.embedded ? null : <Legend />}
      {laneForMenu && tl.lanes.menu ? (
        <LaneMenu
          lane={laneForMenu}
          featureCount={data.features.filter((f) => f.laneId === laneForMenu.id).length}
          lanes={data.lanes}
          roadmap={roadmap}
          anchor={tl.lanes.menu.anchor}
          onRename={() => tl.lanes.setEditingLaneId(laneForMenu.id)}
          onClose={tl.lanes.closeMenu}
        />
      ) : null}
      {tl.lanes.undated ? (
        <UndatedMenu
          laneName={data.lanes.find((l) => l.id === tl.lanes.undated?.id)?.name ?? 'No lane'}
          features={tl.layout.lanes.find((l) => l.lane.id === tl.lanes.undated?.id)?.undated ?? []}
          anchor={tl.lanes.undated.anchor}
          onOpen={props.openFeature}
          onClose={tl.lanes.closeUndated}
        />
      ) : null}
      {milestone && tl.milestones.menu ? (
        <MilestonePopover
          milestone={milestone}
          lanes={data.lanes}
          roadmap={roadmap}
          readOnly={readOnly}
          today={props.today}
          anchor={tl.milestones.menu.anchor}
          onClose={tl.milestones.close}
        />
      ) : null}
    </div>
  )
}
