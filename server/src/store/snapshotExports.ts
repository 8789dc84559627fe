// Each snapshot's export (the JSON `GET …/snapshots/:sid` answers with) kept as its own chain,
// written when the snapshot is taken: opening a snapshot then inflates text and applies text
// deltas instead of decoding the Yjs state (most of an open's time, and most of its garbage).
// The state chain stays: restoring and comparing need the document itself.
//
// Same scheme as the states (snapshotChain.ts): Fossil deltas between consecutive exports,
// deflated, with a full copy every FULL_EXPORT_EVERY. Applying a text delta costs far less
// than decoding a state, so the chain is longer than the states' and adds less to the disk.
// Snapshots stored before exports were kept (or whose export chain broke) have no export: they
// open by decoding their state, as before.
import { EXPORT_FORMAT, EXPORT_VERSION, exportRoadmap } from '@meridian/model'
import * as Y from 'yjs'
import { ORIGIN, SERVER_DOC } from '../sync/origins.js'
import { DecodedStates } from './decodedStates.js'
import { chainOf, encodeLink } from './snapshotChain.js'
import type { ChainLink } from './snapshotChain.js'

/** Longest export chain: a full export is stored at least this often. */
export const FULL_EXPORT_EVERY = 64

/** Decoded exports kept: a 2,000-feature roadmap exports to a few MB. */
export const DECODED_EXPORTS_BYTES = 16 * 1024 * 1024

export type ExportLink = ChainLink & { id: string }

/**
 * How every current export begins. One kept under an older export version no longer is what
 * opening its state gives: it is ignored, and the snapshot opens from its state.
 */
const CURRENT = `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION }).slice(0, -1)},`

/**
 * `JSON.stringify(exportRoadmap(doc))` of a state, as the Yjs path of opening computes it.
 * Undefined when the state does not decode: such a snapshot keeps no export, as before.
 */
export function exportOfState(state: Uint8Array): string | undefined {
  const doc = new Y.Doc(SERVER_DOC)
  try {
    Y.applyUpdate(doc, state, ORIGIN.load)
    return JSON.stringify(exportRoadmap(doc))
  } catch {
    return undefined
  } finally {
    doc.destroy()
  }
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8')

/** How to store `text` after the export `head` (null: stored whole). */
export function encodeExport(
  head: { id: string; depth: number; text: string } | null,
  text: string,
): ChainLink {
  const base = head && { id: head.id, depth: head.depth, state: utf8(head.text) }
  return encodeLink(base, utf8(text), FULL_EXPORT_EVERY)
}

/** Export chains read back, with the exports already rebuilt kept for the next read. */
export class DecodedExports {
  private readonly decoded = new DecodedStates(DECODED_EXPORTS_BYTES)

  /** The export of `id`; undefined when it or a link of its chain is not stored. */
  decode(roadmapId: string, rows: readonly ExportLink[], id: string): string | undefined {
    const chain = chainOf(new Map(rows.map((r) => [r.id, r])), id, FULL_EXPORT_EVERY)
    if (!chain) return undefined
    const bytes = this.decoded.decode(roadmapId, chain)
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
    return text.startsWith(CURRENT) ? text : undefined
  }

  /** Keeps an export just written: the base of the next one. */
  keep(roadmapId: string, id: string, text: string): void {
    this.decoded.keep(roadmapId, id, utf8(text))
  }

  forget(roadmapId: string, id: string): void {
    this.decoded.forget(roadmapId, id)
  }
}
