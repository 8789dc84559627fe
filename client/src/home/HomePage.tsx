import { lazy, Suspense, useState } from 'react'
import { Logo } from '../ui/Logo.js'
import { Button } from '../ui/Button.js'
import { Input } from '../ui/Field.js'
import { Icon } from '../ui/Icon.js'
import { useHomeActions } from './useHomeActions.js'
import { RecentList } from './RecentList.js'
import { useRecentAccess } from './useRecentAccess.js'
import './home.css'

// Carries the CSV parser and the mapping steps: loaded when first opened.
const CsvImportDialog = lazy(() =>
  import('../exchange/CsvImportDialog.js').then((m) => ({ default: m.CsvImportDialog })),
)

export function HomePage() {
  const { recent, creating, error, linkError, create, openLink, forget } = useHomeActions()
  const ended = useRecentAccess(recent)
  const [title, setTitle] = useState('')
  const [link, setLink] = useState('')
  const [fromCsv, setFromCsv] = useState(false)
  return (
    <div className="home">
      <header className="home__bar">
        <Logo />
        <span className="home__brand">Meridian</span>
      </header>
      <main className="home__main">
        <section className="home__hero">
          <h1>Plan the roadmap together, live.</h1>
          <p>
            One timeline for the product owner, the team and every stakeholder. Edits appear for
            everyone the moment they are made.
          </p>
        </section>
        <div className="home__grid">
          <form
            className="card home__card"
            onSubmit={(e) => {
              e.preventDefault()
              void create(title)
            }}
          >
            <h2>New roadmap</h2>
            <p className="home__muted">You will be its owner and can invite editors and viewers.</p>
            <div className="home__row">
              <Input
                aria-label="Roadmap title"
                placeholder="e.g. Mobile app 2027"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
              />
              <Button variant="primary" type="submit" disabled={creating}>
                <Icon name="plus" /> {creating ? 'Creating…' : 'Create roadmap'}
              </Button>
            </div>
            {error ? (
              <p className="home__error" role="alert">
                {error}
              </p>
            ) : null}
            <div className="home__alt">
              <span className="home__muted">Or start from Jira, Linear or a spreadsheet</span>
              <Button type="button" size="sm" variant="ghost" onClick={() => setFromCsv(true)}>
                <Icon name="upload" size={14} /> New roadmap from CSV
              </Button>
            </div>
          </form>
          <form
            className="card home__card"
            onSubmit={(e) => {
              e.preventDefault()
              openLink(link)
            }}
          >
            <h2>Open a shared link</h2>
            <p className="home__muted">Paste a link someone shared with you.</p>
            <div className="home__row">
              <Input
                aria-label="Roadmap link"
                placeholder="https://…/r/…?token=…"
                value={link}
                onChange={(e) => setLink(e.target.value)}
              />
              <Button type="submit">
                Open <Icon name="arrowRight" />
              </Button>
            </div>
            {linkError ? (
              <p className="home__error" role="alert">
                {linkError}
              </p>
            ) : null}
          </form>
        </div>
        <RecentList recent={recent} ended={ended} onForget={forget} />
      </main>
      <Suspense fallback={null}>
        {fromCsv ? <CsvImportDialog into={null} onClose={() => setFromCsv(false)} /> : null}
      </Suspense>
    </div>
  )
}
