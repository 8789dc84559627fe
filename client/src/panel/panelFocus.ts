// Where focus goes when the feature panel opens is decided by what opened it: Enter on a
// bar moves focus into the panel (its title); a feature just created has its title focused
// and selected, so typing names it. The request waits for that feature's panel to mount
// (the panel loads lazily, and mounts anew per feature).
import type { FeatureId } from '@meridian/model'

let pending: { id: FeatureId; select: boolean } | null = null

export function requestPanelFocus(id: FeatureId, { select }: { select: boolean }): void {
  pending = { id, select }
}

/** The focus request for this feature's panel, once (null when it was opened otherwise). */
export function takePanelFocus(id: FeatureId): { select: boolean } | null {
  if (!pending || pending.id !== id) return null
  const request = pending
  pending = null
  return request
}
