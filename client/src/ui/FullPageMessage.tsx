import type { ReactNode } from 'react'
import { Icon } from './Icon.js'
import type { IconName } from './Icon.js'
import { Logo } from './Logo.js'
import { navigate } from '../lib/navigation.js'

/**
 * A whole-page state (access ended, not found, cannot connect): calm, explicit, with a way
 * out. `embedded` (inside someone else's page, in an iframe): compact, and the way out opens
 * Meridian in a new tab instead of replacing the embed with the home page.
 */
export function FullPageMessage({
  icon,
  title,
  body,
  tone = 'neutral',
  action,
  embedded = false,
}: {
  icon: IconName
  title: string
  body: string
  tone?: 'neutral' | 'danger'
  action?: ReactNode
  embedded?: boolean
}) {
  return (
    <main className={embedded ? 'full-page full-page--embedded' : 'full-page'} role="main">
      {embedded ? null : (
        <div className="full-page__brand">
          <Logo size={22} />
          Meridian
        </div>
      )}
      <div className="full-page__card" role="alert" aria-live="assertive">
        <div className={`full-page__icon full-page__icon--${tone}`}>
          <Icon name={icon} size={24} />
        </div>
        <h1 className="full-page__title">{title}</h1>
        <p className="full-page__body">{body}</p>
        <div className="full-page__actions">
          {action}
          {embedded ? (
            <a className="btn full-page__home" href="/" target="_blank" rel="noreferrer">
              <Logo size={16} /> Open Meridian ↗
            </a>
          ) : (
            <button type="button" className="btn" onClick={() => navigate('/')}>
              Go to Meridian home
            </button>
          )}
        </div>
      </div>
    </main>
  )
}
