import { VIEWS, preloadView } from '../views/viewRegistry.js'
import type { ViewId } from '../views/viewRegistry.js'

export function ViewTabs({ view, onChange }: { view: ViewId; onChange(view: ViewId): void }) {
  return (
    <nav className="tabs" aria-label="Roadmap views">
      <div role="tablist" aria-label="Views" className="tabs__list">
        {VIEWS.map((v, index) => (
          <button
            key={v.id}
            type="button"
            role="tab"
            id={`tab-${v.id}`}
            aria-selected={view === v.id}
            aria-controls="view-panel"
            tabIndex={view === v.id ? 0 : -1}
            className="tabs__tab"
            onMouseEnter={() => preloadView(v.id)}
            onFocus={() => preloadView(v.id)}
            onClick={() => onChange(v.id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
              e.preventDefault()
              const next =
                VIEWS[(index + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length]
              onChange(next.id)
              document.getElementById(`tab-${next.id}`)?.focus()
            }}
          >
            {v.label}
          </button>
        ))}
      </div>
    </nav>
  )
}
