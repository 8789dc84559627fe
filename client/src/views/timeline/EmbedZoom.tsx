// Zoom controls of the embedded timeline: the full toolbar is too much for an iframe on a
// wiki page, but a reader still needs to zoom in on a quarter or step back to the year.
import { ZOOMS, ZOOM_ORDER } from './constants.js'
import type { Zoom } from './constants.js'
import { Icon } from '../../ui/Icon.js'
import './embed.css'

export function EmbedZoom({
  zoom,
  onZoom,
  onToday,
}: {
  zoom: Zoom
  onZoom(zoom: Zoom): void
  onToday(): void
}) {
  // "Fit" sits between month and year for stepping: in from it is month, out is year.
  const at = zoom === 'fit' ? -1 : ZOOM_ORDER.indexOf(zoom)
  const zoomIn = zoom === 'fit' ? 'month' : at > 0 ? ZOOM_ORDER[at - 1] : null
  const zoomOut = zoom === 'fit' ? 'year' : at < ZOOM_ORDER.length - 1 ? ZOOM_ORDER[at + 1] : null
  return (
    <div className="embed-zoom" role="toolbar" aria-label="Zoom">
      <button
        type="button"
        className="embed-zoom__btn"
        aria-label="Zoom out"
        title="Zoom out"
        disabled={zoomOut === null}
        onClick={() => zoomOut && onZoom(zoomOut)}
      >
        <Icon name="minus" size={14} />
      </button>
      <span className="embed-zoom__level" aria-live="polite" data-testid="embed-zoom-level">
        {zoom === 'fit' ? 'All' : ZOOMS[zoom].label}
      </span>
      <button
        type="button"
        className="embed-zoom__btn"
        aria-label="Zoom in"
        title="Zoom in"
        disabled={zoomIn === null}
        onClick={() => zoomIn && onZoom(zoomIn)}
      >
        <Icon name="plus" size={14} />
      </button>
      <span className="embed-zoom__sep" aria-hidden="true" />
      <button
        type="button"
        className="embed-zoom__btn embed-zoom__btn--text"
        aria-pressed={zoom === 'fit'}
        title="Fit the whole roadmap"
        onClick={() => onZoom('fit')}
      >
        <Icon name="fit" size={13} /> Fit
      </button>
      <button type="button" className="embed-zoom__btn embed-zoom__btn--text" onClick={onToday}>
        Today
      </button>
    </div>
  )
}
