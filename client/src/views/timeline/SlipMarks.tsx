// A small mark on the bars of features whose end has moved later (the slip ledger): how many
// times, with the days in its tooltip. Drawn over the bars; never takes the pointer.
import { useMemo } from 'react'
import { readSlipLedger, slipHistories } from '@meridian/model'
import type { TimelineState } from './useTimeline.js'

export function SlipMarks({ tl }: { tl: TimelineState }) {
  const { doc, data } = tl.props
  // `data` changes with every document change, the ledger's included.
  const slipped = useMemo(() => {
    void data
    const byId = new Map<string, { slips: number; slipDays: number }>()
    for (const h of slipHistories(readSlipLedger(doc)))
      if (h.kind === 'features' && h.slips > 0) byId.set(h.id, h)
    return byId
  }, [doc, data])
  if (slipped.size === 0) return null
  return (
    <>
      {tl.visible.bars.map(({ placed, box }) => {
        const h = slipped.get(placed.feature.id)
        if (!h) return null
        return (
          <span
            key={placed.feature.id}
            className="slip-mark"
            data-slips={h.slips}
            title={`Slipped ${h.slips === 1 ? 'once' : `${h.slips} times`}, ${h.slipDays} days in total`}
            style={{ transform: `translate(${box.x + box.width - 8}px, ${box.y - 6}px)` }}
          >
            {h.slips}
          </span>
        )
      })}
    </>
  )
}
