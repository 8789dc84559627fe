import { useState } from 'react'
import type { ShareLink } from '../sync/api.js'
import { roadmapUrl } from '../sync/api.js'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import { embeddableLink, iframeSnippet } from './embedSnippet.js'

/** "Embed on a page": a copyable iframe of the live, read-only timeline. */
export function EmbedSection({
  roadmapId,
  title,
  links,
  busy,
  onCreateViewLink,
}: {
  roadmapId: string
  title: string
  links: readonly ShareLink[] | null
  busy: boolean
  onCreateViewLink(): void
}) {
  const [copied, setCopied] = useState<string | null>(null)
  const link = links ? embeddableLink(links) : null
  const snippet = link?.token
    ? iframeSnippet(roadmapUrl(roadmapId, link.token, 'embed'), `${title || 'Roadmap'} — Meridian`)
    : null
  return (
    <section className="share__embed" aria-labelledby="share-embed-title">
      <div className="share__embed-head">
        <Icon name="layers" size={15} />
        <div>
          <h3 id="share-embed-title">Embed on a page</h3>
          <p className="share__muted">Live timeline · read-only · no names shown</p>
        </div>
      </div>
      {snippet ? (
        <div className="share__embed-body">
          <textarea
            className="textarea share__snippet"
            readOnly
            rows={2}
            value={snippet}
            aria-label="Embed code"
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="share__embed-actions">
            <span className="share__muted">
              {link?.expiresAt
                ? 'On the newest view-only link: stops when it expires or is revoked.'
                : 'On the newest view-only link: revoke it to take the embed down.'}
            </span>
            <Button
              size="sm"
              onClick={() => {
                void navigator.clipboard?.writeText(snippet).then(() => setCopied(snippet))
              }}
            >
              <Icon name={copied === snippet ? 'check' : 'copy'} size={13} />{' '}
              {copied === snippet ? 'Copied' : 'Copy embed code'}
            </Button>
          </div>
        </div>
      ) : (
        <div className="share__embed-empty">
          <span className="share__muted">Needs a view-only link this browser knows.</span>
          <Button size="sm" disabled={busy || links === null} onClick={onCreateViewLink}>
            <Icon name="link" size={13} /> Create a view-only link to embed
          </Button>
        </div>
      )}
    </section>
  )
}
