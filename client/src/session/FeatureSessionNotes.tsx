// The decisions and action items planning sessions attached to a feature, in its panel.
import { formatDayLong } from '@meridian/model'
import type * as Y from 'yjs'
import { Icon } from '../ui/Icon.js'
import { useSessions } from './useSessions.js'
import './session.css'

export function FeatureSessionNotes({ doc, featureId }: { doc: Y.Doc; featureId: string }) {
  const sessions = useSessions(doc)
  const notes = sessions.flatMap((s) => [
    ...s.decisions
      .filter((d) => d.kind === 'feature' && d.ref === featureId)
      .map((d) => ({
        ...d,
        session: s.title,
        action: null as null | { owner: string; due: string | null },
      })),
    ...s.actions
      .filter((a) => a.kind === 'feature' && a.ref === featureId)
      .map((a) => ({ ...a, session: s.title, action: { owner: a.owner, due: a.due } })),
  ])
  if (notes.length === 0) return null
  return (
    <section className="panel__section" data-testid="feature-session-notes">
      <h3 className="panel__section-title">Decisions and actions</h3>
      <ul className="ss-notes" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {notes.map((n) => (
          <li key={n.id} className="ss-note">
            <span className="ss-note__icon">
              <Icon name={n.action ? 'flag' : 'check'} size={14} />
            </span>
            <span>
              {n.text}
              <span className="ss-note__meta">
                {n.action
                  ? `Action for ${n.action.owner || 'someone'}${n.action.due ? `, due ${formatDayLong(n.action.due)}` : ''} · `
                  : 'Decision · '}
                {n.session} · {n.by}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
