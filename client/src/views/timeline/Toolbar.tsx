import type { ReactNode } from 'react'
import { Button } from '../../ui/Button.js'
import { Icon } from '../../ui/Icon.js'
import { ZOOMS, ZOOM_ORDER } from './constants.js'
import type { Zoom } from './constants.js'
import { plural } from '../../lib/plural.js'

export interface ToolbarProps {
  zoom: Zoom
  onZoom(zoom: Zoom): void
  onToday(): void
  readOnly: boolean
  onAddLane(): void
  onAddFeature(): void
  onAddMilestone(): void
  following: string | null
  /** Following waits while I drag. */
  followPaused: boolean
  onStopFollowing(): void
  counts: { features: number; lanes: number }
  /** Export and import entries (client/src/exchange), for every role. */
  exchange?: ReactNode
}

export function Toolbar({
  zoom,
  onZoom,
  onToday,
  readOnly,
  onAddLane,
  onAddFeature,
  onAddMilestone,
  following,
  followPaused,
  onStopFollowing,
  counts,
  exchange,
}: ToolbarProps) {
  return (
    <div className="tl-toolbar" role="toolbar" aria-label="Timeline">
      <div className="segmented" role="group" aria-label="Zoom">
        {ZOOM_ORDER.map((z) => (
          <button key={z} type="button" aria-pressed={zoom === z} onClick={() => onZoom(z)}>
            {ZOOMS[z].label}
          </button>
        ))}
      </div>
      <Button
        size="sm"
        variant={zoom === 'fit' ? 'primary' : 'default'}
        onClick={() => onZoom('fit')}
        aria-pressed={zoom === 'fit'}
        title="Fit the whole roadmap"
      >
        <Icon name="fit" size={14} /> <span className="tl-toolbar__label">Fit all</span>
      </Button>
      <Button size="sm" onClick={onToday}>
        Today
      </Button>
      <span className="tl-toolbar__count">
        {plural(counts.features, 'feature')} · {plural(counts.lanes, 'lane')}
      </span>
      <div className="tl-toolbar__spacer" />
      {following ? (
        <span className="follow-banner" role="status">
          <Icon name="eye" size={14} /> Following {following}
          {followPaused ? (
            <span className="follow-banner__paused"> · paused while you drag</span>
          ) : null}
          <button type="button" className="btn btn--ghost btn--sm" onClick={onStopFollowing}>
            Stop
          </button>
        </span>
      ) : null}
      {exchange}
      {readOnly ? null : (
        <>
          <Button size="sm" variant="ghost" onClick={onAddMilestone} title="Add a milestone">
            <Icon name="diamond" size={13} /> <span className="tl-toolbar__label">Milestone</span>
          </Button>
          <Button size="sm" variant="ghost" onClick={onAddLane} title="Add a lane">
            <Icon name="plus" size={14} /> <span className="tl-toolbar__label">Lane</span>
          </Button>
          <Button size="sm" variant="primary" onClick={onAddFeature} title="New feature (N)">
            <Icon name="plus" size={14} /> <span className="tl-toolbar__main-label">Feature</span>
          </Button>
        </>
      )}
    </div>
  )
}
