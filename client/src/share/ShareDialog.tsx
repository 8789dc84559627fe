import { useEffect, useRef, useState } from 'react'
import type { Role } from '../views/types.js'
import { Dialog } from '../ui/Dialog.js'
import { Button } from '../ui/Button.js'
import { Input, Select } from '../ui/Field.js'
import { Icon } from '../ui/Icon.js'
import { EmptyState } from '../ui/EmptyState.js'
import { useShareLinks } from './useShareLinks.js'
import { LinkRow } from './LinkRow.js'
import { EmbedSection } from './EmbedSection.js'
import { othersSummary } from './connections.js'
import type { ShareLink } from '../sync/api.js'
import { CalendarSubscribe } from '../exchange/CalendarSubscribe.js'
import { MAX_PERSON_NAME } from '@meridian/protocol'
import './share.css'

const EXPIRY = [
  { label: 'Never expires', hours: 0 },
  { label: 'Expires in 1 hour', hours: 1 },
  { label: 'Expires in 1 day', hours: 24 },
  { label: 'Expires in 7 days', hours: 24 * 7 },
  { label: 'Expires in 30 days', hours: 24 * 30 },
] as const

export function ShareDialog({
  roadmapId,
  token,
  linkId,
  title,
  onClose,
}: {
  roadmapId: string
  token: string
  /** the link this tab is connected with, from the server; null if unknown */
  linkId: string | null
  /** The roadmap's title, for the embed's iframe title. */
  title: string
  onClose(): void
}) {
  const { links, error, busy, created, create, revoke, reissue } = useShareLinks(roadmapId, token)
  const [role, setRole] = useState<Role>('viewer')
  const [hours, setHours] = useState(0)
  const [person, setPerson] = useState('')
  const listRef = useRef<HTMLUListElement>(null)
  // The revoked row (and the button that had focus) goes away: keep focus in the dialog, on
  // the row that takes its place, so the keyboard (Escape included) goes on working.
  const revokeAt = (linkId: string, index: number) => {
    void revoke(linkId)
    requestAnimationFrame(() => {
      const rows = listRef.current?.querySelectorAll<HTMLElement>('.share__link') ?? []
      const row = rows[Math.min(index, rows.length - 1)]
      ;(row?.querySelector<HTMLElement>('button') ?? listRef.current)?.focus()
    })
  }
  // Known from the server when the roadmap was opened; else by the token, when remembered.
  const isCurrent = (link: ShareLink) => (linkId ? link.id === linkId : link.token === token)
  // The list scrolls in its own region: bring a link just made (or given a new address) into
  // view once, when it is listed, not again at every refresh.
  const shown = useRef<string | null>(null)
  useEffect(() => {
    if (!created || shown.current === created) return
    const row = listRef.current?.querySelector(`[data-link-id="${CSS.escape(created)}"]`)
    if (!row) return
    shown.current = created
    row.scrollIntoView({ block: 'nearest' })
  }, [created, links])
  return (
    <Dialog
      title="Share roadmap"
      description="Invite editors to plan with you, stakeholders to comment, or anyone to view."
      onClose={onClose}
      width={720}
      className="share-dialog"
    >
      <form
        className="share__create"
        onSubmit={(e) => {
          e.preventDefault()
          if (busy) return
          void create(role, hours || null, person.trim() || null)
          setPerson('')
        }}
      >
        <Select aria-label="Access" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="viewer">Can view</option>
          <option value="commenter">Can comment</option>
          <option value="editor">Can edit</option>
        </Select>
        <Select
          aria-label="Expiry"
          value={hours}
          onChange={(e) => setHours(Number(e.target.value))}
        >
          {EXPIRY.map((x) => (
            <option key={x.hours} value={x.hours}>
              {x.label}
            </option>
          ))}
        </Select>
        {/* aria-disabled, not disabled: a disabled button drops the focus to the page, where
            the keyboard (Escape included) no longer reaches the dialog. */}
        <Button variant="primary" type="submit" aria-disabled={busy}>
          <Icon name="link" /> Create link
        </Button>
        <Input
          className="share__person"
          aria-label="For a person (optional)"
          placeholder="For a person, by name (optional): what they do is recorded under it"
          value={person}
          maxLength={MAX_PERSON_NAME}
          onChange={(e) => setPerson(e.target.value)}
        />
      </form>
      {error ? (
        <p className="share__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="share__head">
        <h3>
          Active links
          {links?.length ? <span className="share__count">{links.length}</span> : null}
        </h3>
        <span className="share__muted">
          <Icon name="users" size={13} /> {othersSummary(links ?? [], isCurrent)}
        </span>
      </div>
      {links === null ? (
        <div className="share__loading">
          <div className="spinner" />
        </div>
      ) : links.length === 0 ? (
        <EmptyState icon="link" title="No links yet">
          Create a link above and send it to your team or stakeholders.
        </EmptyState>
      ) : (
        <ul className="share__list" aria-label="Share links" ref={listRef} tabIndex={-1}>
          {links.map((link, index) => (
            <LinkRow
              current={isCurrent(link)}
              key={link.id}
              roadmapId={roadmapId}
              link={link}
              highlight={link.id === created}
              onRevoke={() => revokeAt(link.id, index)}
              onReissue={() => void reissue(link.id)}
            />
          ))}
        </ul>
      )}
      {links?.some((l) => !l.token) ? (
        <p className="share__note">
          Addresses are shown only when made: get a new one to copy (the old one stops working).
        </p>
      ) : null}
      <div className="share__publish">
        <EmbedSection
          roadmapId={roadmapId}
          title={title}
          links={links}
          busy={busy}
          onCreateViewLink={() => void create('viewer', null)}
        />
        <CalendarSubscribe
          roadmapId={roadmapId}
          links={links}
          onCreateViewerLink={() => void create('viewer', null)}
        />
      </div>
    </Dialog>
  )
}
