import { useState } from 'react'
import type { ShareLink } from '../sync/api.js'
import { roadmapUrl } from '../sync/api.js'
import { Badge } from '../ui/Badge.js'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import { connectionLabel, othersOn } from './connections.js'

const ROLE_LABEL = {
  owner: 'Owner',
  editor: 'Can edit',
  commenter: 'Can comment',
  viewer: 'Can view',
} as const
const ROLE_ICON = { owner: 'lock', editor: 'edit', commenter: 'message', viewer: 'eye' } as const

function expiryText(expiresAt: string | null): string {
  if (!expiresAt) return 'Never expires'
  const ms = Date.parse(expiresAt) - Date.now()
  if (Number.isNaN(ms)) return 'Never expires'
  if (ms <= 0) return 'Expired'
  const hours = ms / 3_600_000
  if (hours < 1) return `Expires in ${Math.max(1, Math.round(ms / 60_000))} min`
  if (hours < 48) return `Expires in ${Math.round(hours)} h`
  return `Expires in ${Math.round(hours / 24)} days`
}

export function LinkRow({
  current,
  roadmapId,
  link,
  highlight,
  onRevoke,
}: {
  /** The link this browser is using: revoking it would lock its owner out. */
  current: boolean
  roadmapId: string
  link: ShareLink
  highlight: boolean
  onRevoke(): void
}) {
  const [copied, setCopied] = useState(false)
  const url = link.token ? roadmapUrl(roadmapId, link.token) : ''
  const live = othersOn(link, current) > 0
  const connections = connectionLabel(link, current)
  return (
    <li className={`share__link${highlight ? ' share__link--new' : ''}`} data-role={link.role}>
      <div className="share__link-main">
        <div className="share__link-meta">
          <Badge
            tone={link.role === 'owner' ? 'accent' : link.role === 'editor' ? 'info' : 'neutral'}
          >
            <Icon name={ROLE_ICON[link.role]} size={11} /> {ROLE_LABEL[link.role]}
          </Badge>
          <span className="share__muted">{expiryText(link.expiresAt)}</span>
          <span className={live ? 'share__live' : 'share__muted'} data-testid="link-connections">
            {live ? <span className="share__live-dot" aria-hidden="true" /> : null}
            {connections}
          </span>
        </div>
        {url ? (
          <input
            className="input share__url"
            readOnly
            value={url}
            aria-label={`${link.role} link`}
            onFocus={(e) => e.currentTarget.select()}
          />
        ) : (
          <span className="share__muted">
            Created in another browser: its address is only shown to whoever created it.
          </span>
        )}
      </div>
      <Button
        size="sm"
        disabled={!url}
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setCopied(true))
        }}
      >
        <Icon name={copied ? 'check' : 'copy'} size={13} /> {copied ? 'Copied' : 'Copy'}
      </Button>
      {current ? (
        <span className="share__yours" title="You are using this link">
          Your link
        </span>
      ) : (
        <Button
          size="sm"
          variant="danger"
          onClick={onRevoke}
          aria-label={`Revoke ${link.role} link`}
        >
          Revoke
        </Button>
      )}
    </li>
  )
}
