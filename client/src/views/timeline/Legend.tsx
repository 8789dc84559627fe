import { STATUS_LABEL, HEALTH_LABEL } from '../../ui/Badge.js'
import { FEATURE_STATUS, HEALTH } from '@meridian/model'

/** What the colours and marks on the timeline mean. */
export function Legend() {
  return (
    <footer className="legend" aria-label="Legend">
      <span className="legend__group">
        {Object.values(FEATURE_STATUS).map((s) => (
          <span key={s} className="legend__item">
            <span className={`legend__swatch legend__swatch--${s}`} /> {STATUS_LABEL[s]}
          </span>
        ))}
      </span>
      <span className="legend__group">
        {Object.values(HEALTH).map((h) => (
          <span key={h} className="legend__item">
            <span className={`bar__health bar__health--${h} legend__dot`} /> {HEALTH_LABEL[h]}
          </span>
        ))}
      </span>
      <span className="legend__group">
        <span className="legend__item">
          <span className="legend__progress" /> Progress
        </span>
        <span className="legend__item">
          <span className="bar__flag legend__flag">Late</span>
        </span>
        <span className="legend__item">
          <span className="legend__conflict" /> Dependency conflict
        </span>
        <span className="legend__item">
          <span className="milestone__diamond legend__diamond" /> Milestone
        </span>
        <span className="legend__item">
          <span className="legend__today" /> Today
        </span>
      </span>
      <span className="legend__hint">
        <span className="kbd">Tab</span> <span className="kbd">↑</span>
        <span className="kbd">↓</span> select · <span className="kbd">←</span>
        <span className="kbd">→</span> move (<span className="kbd">Shift</span> week) ·{' '}
        <span className="kbd">Enter</span> open · <span className="kbd">N</span> new
      </span>
    </footer>
  )
}
