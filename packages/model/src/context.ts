// What every collection of a `Roadmap` shares: the doc and the origin its transactions carry.

import { nanoid } from 'nanoid'
import type * as Y from 'yjs'

/** A transaction origin: lets undo managers, persistence and providers tell edits apart. */
export type Origin = string | number | symbol | object

export interface WriteContext {
  readonly doc: Y.Doc
  readonly origin: Origin
  /** A fresh entity id. */
  createId(): string
  /** Who writes, as recorded in the slip ledger; null when not told. A rename changes it. */
  author: string | null
  /** The current time as an ISO timestamp (the slip ledger's `at`). */
  now(): string
  /** Runs `fn` in one transaction with this context's origin (joins an open one). */
  transact<T>(fn: () => T): T
}

export function createContext(
  doc: Y.Doc,
  origin: Origin,
  createId: () => string = nanoid,
  author: string | null = null,
  now: () => string = () => new Date().toISOString(),
): WriteContext {
  return {
    doc,
    origin,
    createId,
    author,
    now,
    transact<T>(fn: () => T): T {
      let result: T | undefined
      doc.transact(() => {
        result = fn()
      }, origin)
      return result as T
    },
  }
}
