import { useState } from 'react'
import type { ShareLink } from '../sync/api.js'
import { roadmapUrl } from '../sync/api.js'
import { Badge } from '../ui/Badge.js'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import { connectionLabel, othersOn } from './connections.js'
import { createdText, expiryText, linkTitle } from './linkText.js'

const ROLE_LABEL = {
  owner: 'Owner',
  editor: 'Can edit',
  commenter: 'Can comment',
  viewer: 'Can view',
} as const
const ROLE_ICON = { owner: 'lock', editor: 'edit', commenter: 'message', viewer: 'eye' } as const

/** What the row asks to confirm: both end the sessions of whoever uses the link now. */
type Confirming = 'revoke' | 'reissue' | null

export function LinkRow({
  current,
  roadmapId,
  link,
  highlight,
  onRevoke,
  onReissue,
}: {
  /** The link this browser is using: revoking it would lock its owner out. */
  current: boolean
  roadmapId: string
  link: ShareLink
  highlight: boolean
  onRevoke(): void
  onReissue(): void
}) {
  const [copied, setCopied] = useState(false)
  const [confirming, setConfirming] = useState<Confirming>(null)
  const url = link.token ? roadmapUrl(roadmapId, link.token) : ''
  const live = othersOn(link, current) > 0
  const connections = connectionLabel(link, current)
  const title = linkTitle(link)
  const created = createdText(link.createdAt)
  const people = link.connections === 1 ? '1 person uses it' : `${link.connections} people use it`
  return (
    <li
      className={`share__link${highlight ? ' share__link--new' : ''}`}
      data-role={link.role}
      data-link-id={link.id}
      aria-label={title}
    >
      <div className="share__link-main">
        <div className="share__link-meta">
          <strong className="share__link-title">{title}</strong>
          {link.personName ? <span className="share__chip">Personal</span> : null}
          <Badge
            tone={link.role === 'owner' ? 'accent' : link.role === 'editor' ? 'info' : 'neutral'}
          >
            <Icon name={ROLE_ICON[link.role]} size={11} /> {ROLE_LABEL[link.role]}
          </Badge>
        </div>
        <div className="share__link-meta">
          {created ? <span className="share__muted">{created}</span> : null}
          <span className="share__muted">{expiryText(link.expiresAt)}</span>
          <span className={live ? 'share__live' : 'share__muted'} data-testid="link-connections">
            {live ? <span className="share__live-dot" aria-hidden="true" /> : null}
            {connections}
          </span>
        </div>
        {confirming ? (
          <div
            className={`share__confirm share__confirm--${confirming}`}
            role="group"
            aria-label={`Confirm for ${title}`}
          >
            <span>
              {confirming === 'revoke'
                ? 'Revoke this link? Its address stops working'
                : 'Get a new address? The current one stops working'}
              {link.connections > 0 ? `, and the ${people} now will be signed out.` : '.'}
            </span>
            <Button size="sm" onClick={() => setConfirming(null)} autoFocus>
              Cancel
            </Button>
            <Button
              size="sm"
              variant={confirming === 'revoke' ? 'danger' : 'primary'}
              onClick={() => {
                setConfirming(null)
                if (confirming === 'revoke') onRevoke()
                else onReissue()
              }}
            >
              {confirming === 'revoke' ? 'Revoke link' : 'Get new address'}
            </Button>
          </div>
        ) : null}
      </div>
      {confirming ? null : url ? (
        <input
          className="input share__url"
          readOnly
          value={url}
          aria-label={`${link.role} link`}
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : null}
      {confirming ? null : url ? (
        <Button
          size="sm"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true))
          }}
          aria-label={`Copy ${title}`}
        >
          <Icon name={copied ? 'check' : 'copy'} size={13} /> {copied ? 'Copied' : 'Copy'}
        </Button>
      ) : (
        <Button
          size="sm"
          onClick={() => setConfirming('reissue')}
          aria-label={`Get a new address for ${title}`}
        >
          <Icon name="link" size={13} /> New address
        </Button>
      )}
      {confirming ? null : current ? (
        <span className="share__yours" title="You are using this link">
          Your link
        </span>
      ) : (
        <Button
          size="sm"
          variant="danger"
          onClick={() => setConfirming('revoke')}
          aria-label={`Revoke ${link.role} link`}
        >
          Revoke
        </Button>
      )}
    </li>
  )
}
