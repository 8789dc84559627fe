// Only an owner sets the roadmap's baseline (packages/model `BASELINE_KEY`). An editor's
// update that changes it is integrated as sent, like a misattributed acceptance
// (attribution.ts: refusing it would leave that client holding an edit the server never
// stores) and then reverted by a server edit queued in the same turn, so every client ends at
// the owner's baseline. Checked cheaply: the update's own transaction says which keys of the
// meta map it changed; no decode of the state.
import { BASELINE_KEY, ROOT } from '@meridian/model'
import type * as Y from 'yjs'

/**
 * Runs `integrate` and returns, when the update changed the baseline, the server edit that
 * puts back the value it had before (null: nothing to revert).
 */
export function integrateGuardingBaseline(
  doc: Y.Doc,
  integrate: () => boolean,
): { ok: boolean; revert: ((doc: Y.Doc) => void) | null } {
  const meta = doc.getMap<unknown>(ROOT.roadmap)
  const before = meta.get(BASELINE_KEY)
  let touched = false
  const seen = (tr: Y.Transaction): void => {
    for (const [type, keys] of tr.changed)
      if ((type as unknown) === meta && keys.has(BASELINE_KEY)) touched = true
  }
  doc.on('afterTransaction', seen)
  let ok: boolean
  try {
    ok = integrate()
  } finally {
    doc.off('afterTransaction', seen)
  }
  if (!ok || !touched || meta.get(BASELINE_KEY) === before) return { ok, revert: null }
  return { ok, revert: restoreBaseline(before) }
}

const restoreBaseline =
  (value: unknown) =>
  (doc: Y.Doc): void => {
    const meta = doc.getMap<unknown>(ROOT.roadmap)
    if (typeof value === 'string') meta.set(BASELINE_KEY, value)
    else meta.delete(BASELINE_KEY)
  }
