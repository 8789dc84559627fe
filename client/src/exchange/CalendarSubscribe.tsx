import { useState } from 'react'
import type { ShareLink } from '../sync/api.js'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import './exchange.css'

/** The calendar feed of a view-only link: milestones and feature dates in any calendar app. */
export function calendarUrl(roadmapId: string, token: string): string {
  return `${window.location.origin}/api/roadmaps/${encodeURIComponent(roadmapId)}/calendar.ics?token=${encodeURIComponent(token)}`
}

/**
 * "Subscribe in calendar" for the share dialog. The feed URL carries a token, so it uses a
 * view-only link's (never the owner's): the newest active one known here, or a new one.
 */
export function CalendarSubscribe({
  roadmapId,
  links,
  onCreateViewerLink,
}: {
  roadmapId: string
  links: readonly ShareLink[] | null
  onCreateViewerLink(): void
}) {
  const [copied, setCopied] = useState(false)
  const viewer = (links ?? []).find((l) => l.role === 'viewer' && !l.revoked && l.token)
  const url = viewer?.token ? calendarUrl(roadmapId, viewer.token) : null
  return (
    <section className="xc-calendar" aria-label="Subscribe in calendar">
      <div className="xc-calendar__head">
        <Icon name="calendar" size={15} />
        <div>
          <h3 className="xc-h3">Subscribe in calendar</h3>
          <p className="xc-muted">Milestones and feature end dates; updates as the plan changes.</p>
        </div>
      </div>
      {url ? (
        <div className="xc-row">
          <input
            className="input xc-mono"
            readOnly
            value={url}
            aria-label="Calendar feed URL"
            onFocus={(e) => e.target.select()}
          />
          <Button
            size="sm"
            onClick={() => {
              void navigator.clipboard?.writeText(url).then(() => setCopied(true))
            }}
          >
            <Icon name={copied ? 'check' : 'copy'} size={13} /> {copied ? 'Copied' : 'Copy'}
          </Button>
          <a className="btn btn--sm" href={url.replace(/^https?:/, 'webcal:')}>
            Open in calendar
          </a>
        </div>
      ) : (
        <Button size="sm" onClick={onCreateViewerLink} disabled={links === null}>
          <Icon name="link" size={13} /> Create a view-only link for calendars
        </Button>
      )}
    </section>
  )
}
