import { useState } from 'react'
import { dayOfTimestamp, formatTimestamp } from '@meridian/model'
import { navigate } from '../lib/navigation.js'
import { roadmapUrl } from '../sync/api.js'
import { Badge } from '../ui/Badge.js'
import { Icon } from '../ui/Icon.js'
import { EmptyState } from '../ui/EmptyState.js'
import type { AccessEnded } from '../sync/closeCodes.js'
import type { RecentRoadmap } from '../sync/recentRoadmaps.js'
import { recentKey } from './useRecentAccess.js'

const ROLE_TONE = {
  owner: 'accent',
  editor: 'info',
  commenter: 'warning',
  viewer: 'neutral',
} as const

/** What an entry whose link no longer opens the roadmap says instead of "Opened …". */
const ENDED_LABEL: Record<AccessEnded, { badge: string; note: string }> = {
  revoked: { badge: 'Access ended', note: 'The owner revoked this link' },
  expired: { badge: 'Link expired', note: 'This link was only valid for a limited time' },
  invalid: { badge: 'Access ended', note: 'This link no longer opens the roadmap' },
  'not-found': { badge: 'Not found', note: 'This roadmap no longer exists' },
}

function when(iso: string): string {
  return dayOfTimestamp(iso) === null ? '' : formatTimestamp(iso)
}

export function RecentList({
  recent,
  ended,
  onForget,
}: {
  recent: RecentRoadmap[]
  /** entries (by `recentKey`) whose link no longer opens the roadmap */
  ended: ReadonlyMap<string, AccessEnded>
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
            const key = recentKey(entry)
            const title = entry.title || 'Untitled roadmap'
            const reason = ended.get(key)
            if (reason) {
              const label = ENDED_LABEL[reason]
              // No link into a page that would only say the access ended: muted, labelled,
              // and the one useful action is to forget it.
              return (
                <li key={key} className="home__item home__item--ended" data-ended={reason}>
                  <div className="home__item-link" aria-disabled="true">
                    <span className="home__item-title">{title}</span>
                    <span className="home__muted">{label.note}</span>
                  </div>
                  <Badge tone={reason === 'expired' ? 'warning' : 'danger'}>
                    <Icon name={reason === 'expired' ? 'clock' : 'lock'} size={11} /> {label.badge}
                  </Badge>
                  <button
                    type="button"
                    className="btn btn--ghost btn--sm"
                    aria-label={`Forget ${title}`}
                    onClick={() => onForget(entry)}
                  >
                    <Icon name="x" size={14} /> Remove
                  </button>
                </li>
              )
            }
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
                  <span className="home__item-title">{title}</span>
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
                  aria-label={`Forget ${title}`}
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
