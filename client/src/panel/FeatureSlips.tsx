// How often and by how much a feature's end moved later, from the roadmap's slip ledger
// (packages/model slipLedger.ts), with the last few date changes and who made them.
import { readSlipLedger, slipHistories, formatDay, formatTimestampDay } from '@meridian/model'
import type { Feature } from '@meridian/model'
import type * as Y from 'yjs'
import { plural } from '../lib/plural.js'

const RECENT = 3

export function FeatureSlips({ doc, feature }: { doc: Y.Doc; feature: Feature }) {
  const ledger = readSlipLedger(doc).filter((e) => e.kind === 'features' && e.id === feature.id)
  const [history] = slipHistories(ledger)
  if (!history || history.slips === 0) return null
  const recent = ledger.slice(-RECENT).reverse()
  return (
    <section className="panel__section slips" aria-label="Slips" data-testid="feature-slips">
      <h3 className="panel__section-title">Slips</h3>
      <p className="slips__summary">
        Slipped <strong>{plural(history.slips, 'time')}</strong>, {plural(history.slipDays, 'day')}{' '}
        in total
        {history.netDays !== history.slipDays
          ? ` (net ${history.netDays > 0 ? '+' : ''}${history.netDays} d)`
          : ''}
      </p>
      <ul className="slips__list">
        {recent.map((e) => (
          <li key={e.key}>
            {formatDay(e.from.end)} → {formatDay(e.to.end)}
            <span className="slips__who">
              {e.by ? ` · ${e.by}` : ''} · {formatTimestampDay(e.at)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
