// Snapshot states already rebuilt from their delta chains, kept for the next read. A snapshot
// never changes, so a kept state stays right; reading the next snapshot of a chain (the
// history read in order, the next automatic snapshot encoded on the newest one) then applies
// one delta instead of inflating a full state and up to FULL_STATE_EVERY - 1 deltas.
// Bounded by bytes, least recently used out first.
import { decodeChain } from './snapshotChain.js'
import type { ChainLink } from './snapshotChain.js'

/** A 2,000-feature roadmap's state is a few MB: room for a handful of roadmaps' heads. */
export const DECODED_STATES_BYTES = 48 * 1024 * 1024

export class DecodedStates {
  private readonly states = new Map<string, Uint8Array>()
  private bytes = 0

  constructor(private readonly budget = DECODED_STATES_BYTES) {}

  /** The state of the chain's last link, from the newest link of it already decoded. */
  decode(roadmapId: string, chain: readonly (ChainLink & { id: string })[]): Uint8Array {
    const last = chain[chain.length - 1]
    for (let i = chain.length - 1; i >= 0; i--) {
      const known = this.get(roadmapId, chain[i]!.id)
      if (!known) continue
      if (i === chain.length - 1) return known
      const state = decodeChain(chain, { index: i, state: known })
      this.keep(roadmapId, last!.id, state)
      return state
    }
    const state = decodeChain(chain)
    this.keep(roadmapId, last!.id, state)
    return state
  }

  /** Keeps a state read or written (a new snapshot is the base of the next). Not copied. */
  keep(roadmapId: string, snapshotId: string, state: Uint8Array): void {
    if (state.byteLength > this.budget) return
    const key = `${roadmapId}\n${snapshotId}`
    this.drop(key)
    this.states.set(key, state)
    this.bytes += state.byteLength
    for (const [old, s] of this.states) {
      if (this.bytes <= this.budget) break
      this.states.delete(old)
      this.bytes -= s.byteLength
    }
  }

  forget(roadmapId: string, snapshotId: string): void {
    this.drop(`${roadmapId}\n${snapshotId}`)
  }

  private get(roadmapId: string, snapshotId: string): Uint8Array | undefined {
    const key = `${roadmapId}\n${snapshotId}`
    const s = this.states.get(key)
    if (s) {
      // Most recently used last: Map keeps insertion order.
      this.states.delete(key)
      this.states.set(key, s)
    }
    return s
  }

  private drop(key: string): void {
    const s = this.states.get(key)
    if (!s) return
    this.states.delete(key)
    this.bytes -= s.byteLength
  }
}
