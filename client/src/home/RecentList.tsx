import { useState } from 'react'
import { navigate } from '../app/router.js'
import { roadmapUrl } from '../sync/api.js'
import { Badge } from '../ui/Badge.js'
import { Icon } from '../ui/Icon.js'
import { EmptyState } from '../ui/EmptyState.js'
import type { RecentRoadmap } from './recentRoadmaps.js'

const ROLE_TONE = { owner: 'accent', editor: 'info', viewer: 'neutral' } as const

function when(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime())
    ? ''
    : d.toLocaleDateString(undefined, {
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })
}

export function RecentList({
  recent,
  onForget,
}: {
  recent: RecentRoadmap[]
  onForget(entry: RecentRoadmap): void
}) {
  const [copied, setCopied] = useState<string | null>(null)
  return (
    <section className="card home__recent" aria-labelledby="recent-title">
      <div className="home__recent-head">
        <h2 id="recent-title">Recent roadmaps</h2>
        <span className="home__muted">Remembered in this browser</span>
      </div>
      {recent.length === 0 ? (
        <EmptyState icon="layers" title="No roadmaps yet">
          Create one above, or open a link you were sent.
        </EmptyState>
      ) : (
        <ul className="home__list">
          {recent.map((entry) => {
            const key = `${entry.id}:${entry.token}`
            const href = `/r/${encodeURIComponent(entry.id)}?token=${encodeURIComponent(entry.token)}`
            return (
              <li key={key} className="home__item">
                <a
                  className="home__item-link"
                  href={href}
                  onClick={(e) => {
                    e.preventDefault()
                    navigate(href)
                  }}
                >
                  <span className="home__item-title">{entry.title || 'Untitled roadmap'}</span>
                  <span className="home__muted">Opened {when(entry.openedAt)}</span>
                </a>
                <Badge tone={ROLE_TONE[entry.role]}>{entry.role}</Badge>
                <button
                  type="button"
                  className="btn btn--ghost btn--sm"
                  onClick={() => {
                    void navigator.clipboard
                      ?.writeText(roadmapUrl(entry.id, entry.token))
                      .then(() => setCopied(key))
                  }}
                >
                  <Icon name={copied === key ? 'check' : 'link'} size={14} />{' '}
                  {copied === key ? 'Copied' : 'Copy link'}
                </button>
                <button
                  type="button"
                  className="btn btn--ghost btn--icon btn--sm"
                  aria-label={`Forget ${entry.title}`}
                  onClick={() => onForget(entry)}
                >
                  <Icon name="x" size={14} />
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
