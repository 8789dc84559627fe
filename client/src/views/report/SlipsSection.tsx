import { mostSlipped, readSlipLedger } from '@meridian/model'
import type { RoadmapData } from '@meridian/model'
import type * as Y from 'yjs'
import { formatNumber } from '../planning/format.js'
import { Section } from './Section.js'

const LIMIT = 5

/** The features whose end moved later most, by days slipped (packages/model `mostSlipped`). */
export function SlipsSection({ doc, data }: { doc: Y.Doc; data: RoadmapData }) {
  const titles = new Map(data.features.map((f) => [f.id as string, f.title]))
  const slipped = mostSlipped(readSlipLedger(doc), LIMIT * 4)
    .filter((h) => h.kind === 'features' && titles.has(h.id))
    .slice(0, LIMIT)
  return (
    <Section id="slips" title="Most slipped" aside="recorded date changes">
      {slipped.length === 0 ? (
        <p className="pv-muted">No feature has slipped since changes were recorded.</p>
      ) : (
        <ul className="rp-list">
          {slipped.map((h) => (
            <li key={h.id} className="rp-list__row" data-testid="report-slipped">
              <span className="rp-date rp-bad">+{formatNumber(h.slipDays, 'd')}</span>
              <span className="rp-list__main">
                <span className="rp-strong">{titles.get(h.id)}</span>
                <span className="rp-row__sub">
                  slipped {h.slips === 1 ? 'once' : `${h.slips} times`}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}
