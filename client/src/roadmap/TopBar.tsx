import type { ReactNode } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { Role } from '../views/types.js'
import { Logo } from '../ui/Logo.js'
import { navigate } from '../lib/navigation.js'
import { Badge } from '../ui/Badge.js'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import type { ConnectionStatus } from '../sync/useConnection.js'
import type { UndoState } from '../undo/useUndo.js'
import { ConnectionIndicator } from './ConnectionIndicator.js'
import { PresenceBar } from './PresenceBar.js'
import { TitleEditor } from './TitleEditor.js'

export interface TopBarProps {
  title: string
  onRename(title: string): void
  role: Role
  status: ConnectionStatus
  awareness: Awareness
  undo: UndoState
  followClientId: number | null
  onFollow(clientId: number): void
  onShare(): void
  onShortcuts(): void
  /** The activity button (comments across the roadmap), placed before the shortcuts. */
  activity?: ReactNode
  onHistory(): void
  historyOpen: boolean
  /** The planning session's entry point (client/src/session). */
  sessionAction?: ReactNode
}

export function TopBar({
  title,
  onRename,
  role,
  status,
  awareness,
  undo,
  followClientId,
  onFollow,
  onShare,
  onShortcuts,
  activity,
  onHistory,
  historyOpen,
  sessionAction,
}: TopBarProps) {
  const readOnly = role === 'viewer' || role === 'commenter'
  return (
    <header className="topbar">
      <a
        className="topbar__home"
        href="/"
        aria-label="Meridian home"
        onClick={(e) => {
          e.preventDefault()
          navigate('/')
        }}
      >
        <Logo size={26} />
      </a>
      <span className="topbar__sep" aria-hidden="true">
        /
      </span>
      <TitleEditor title={title} readOnly={readOnly} onRename={onRename} />
      {role === 'viewer' ? (
        <Badge tone="neutral" title="You have a view-only link">
          <Icon name="eye" size={12} /> View only
        </Badge>
      ) : role === 'commenter' ? (
        <Badge tone="neutral" title="You can read everything and write comments">
          <Icon name="message" size={12} /> Can comment
        </Badge>
      ) : null}
      <ConnectionIndicator status={status} readOnly={readOnly} />
      <div className="topbar__spacer" />
      {activity}
      <Button
        variant="ghost"
        icon
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={onShortcuts}
      >
        <Icon name="keyboard" />
      </Button>
      {sessionAction}
      <Button
        variant="ghost"
        aria-pressed={historyOpen}
        data-history-toggle=""
        title="History: snapshots, compare, restore (Alt+Shift+H)"
        onClick={onHistory}
      >
        <Icon name="clock" /> History
      </Button>
      <PresenceBar awareness={awareness} followClientId={followClientId} onFollow={onFollow} />
      {readOnly ? null : (
        <div className="topbar__group">
          <Button
            variant="ghost"
            icon
            aria-label="Undo"
            title="Undo (Ctrl+Z)"
            disabled={!undo.canUndo}
            onClick={undo.undo}
          >
            <Icon name="undo" />
          </Button>
          <Button
            variant="ghost"
            icon
            aria-label="Redo"
            title="Redo (Shift+Ctrl+Z)"
            disabled={!undo.canRedo}
            onClick={undo.redo}
          >
            <Icon name="redo" />
          </Button>
        </div>
      )}
      {role === 'owner' ? (
        <Button variant="primary" onClick={onShare}>
          <Icon name="share" /> Share
        </Button>
      ) : null}
    </header>
  )
}
