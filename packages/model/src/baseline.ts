// The roadmap's baseline: one snapshot an owner sets, stored in the roadmap's meta map under
// BASELINE_KEY (a snapshot id, or absent) so that every client sees it live. Only an owner
// sets it: the server reverts an editor's update that changes it (server/src/sync/baselineGuard.ts).
import type * as Y from 'yjs'
import { ROOT } from './schema.js'

export const BASELINE_KEY = 'baselineSnapshotId'

/** The baseline snapshot's id; null when none is set (or the value is not an id). */
export function baselineOf(doc: Y.Doc): string | null {
  const v = doc.getMap<unknown>(ROOT.roadmap).get(BASELINE_KEY)
  return typeof v === 'string' && v !== '' ? v : null
}
