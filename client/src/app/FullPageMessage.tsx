import type { ReactNode } from 'react'
import { Icon } from '../ui/Icon.js'
import type { IconName } from '../ui/Icon.js'
import { Logo } from './Logo.js'
import { navigate } from './router.js'

/** A whole-page state (access ended, not found, cannot connect): calm, explicit, with a way out. */
export function FullPageMessage({
  icon,
  title,
  body,
  tone = 'neutral',
  action,
}: {
  icon: IconName
  title: string
  body: string
  tone?: 'neutral' | 'danger'
  action?: ReactNode
}) {
  return (
    <main className="full-page" role="main">
      <div className="full-page__brand">
        <Logo size={22} />
        Meridian
      </div>
      <div className="full-page__card" role="alert" aria-live="assertive">
        <div className={`full-page__icon full-page__icon--${tone}`}>
          <Icon name={icon} size={24} />
        </div>
        <h1 className="full-page__title">{title}</h1>
        <p className="full-page__body">{body}</p>
        <div className="full-page__actions">
          {action}
          <button type="button" className="btn" onClick={() => navigate('/')}>
            Go to Meridian home
          </button>
        </div>
      </div>
    </main>
  )
}
