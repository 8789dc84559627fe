// The slip ledger: every change of a feature's or milestone's dates, recorded in the
// document by the model's own date-changing writes, so it syncs, merges offline edits and
// converges like everything else.
//
// Storage (schema addition, root `slips`): a `Y.Map<entryKey, tuple>` of plain values, each
// `[kind, id, at, by, fromStart, fromEnd, toStart, toEnd]` (see `StoredEntry`): compact,
// since a busy roadmap collects thousands and every client loads them. One key per entry
// means concurrent appends never overwrite each other. It is bounded:
// each append keeps only the newest `SLIP_LEDGER_CAP` entries of its entity (concurrent
// appends may leave a few more until that entity's next change), and deleting an entity
// deletes its entries. Older clients keep the root untouched (Yjs keeps unknown roots).

import * as Y from 'yjs'
import type { WriteContext } from './context.js'
import { diffDays, formatIsoDate, parseIsoDate } from './dates.js'
import { compareStrings } from './deriveCommon.js'
import { readRoadmap } from './read.js'
import { ROOT } from './schema.js'
import type { IsoDate, RoadmapData } from './schema.js'

/** Entries kept per entity: the newest ones. */
export const SLIP_LEDGER_CAP = 50

export const SLIP_KIND = {
  features: 'features',
  milestones: 'milestones',
} as const
export type SlipKind = (typeof SLIP_KIND)[keyof typeof SLIP_KIND]

/** Dates of a feature; a milestone's date is its `end` (its `start` is always null). */
export interface DateSpan {
  start: IsoDate | null
  end: IsoDate | null
}

export interface SlipEntry {
  /** The entry's key in the ledger. */
  key: string
  kind: SlipKind
  id: string
  /** ISO timestamp of the change (the writer's clock, to the second). */
  at: string
  /** Who changed it (`RoadmapOptions.author`), null when not told. */
  by: string | null
  from: DateSpan
  to: DateSpan
}

export interface SlipHistory {
  kind: SlipKind
  id: string
  /** Date changes recorded (kept in the ledger). */
  changes: number
  /** Changes that moved the end (milestone: date) later, and their days summed. */
  slips: number
  slipDays: number
  /** Signed days the end moved from the first recorded change to the last. */
  netDays: number
  lastAt: string
}

/**
 * An entry as stored: kind `f` (feature) or `m` (milestone), the entity id, the time in Unix
 * seconds, the author or null, then the four dates as days since 1970-01-01 (UTC) or null.
 */
type StoredEntry = [
  'f' | 'm',
  string,
  number,
  string | null,
  number | null,
  number | null,
  number | null,
  number | null,
]

const DAY_MS = 86_400_000
const KIND_CODE = { features: 'f', milestones: 'm' } as const

const dayOf = (date: IsoDate | null): number | null => {
  const parsed = parseIsoDate(date)
  return parsed === null ? null : Math.round(parsed.getTime() / DAY_MS)
}
const dateOf = (day: unknown): IsoDate | null =>
  Number.isSafeInteger(day) && Math.abs(day as number) < 3_000_000
    ? formatIsoDate(new Date((day as number) * DAY_MS))
    : null

export function ledgerMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.slips)
}

/**
 * Appends a date change of one entity (call inside the writing transaction) and drops its
 * entries beyond the cap. Nothing is written when the dates did not change.
 */
export function recordDateChange(
  ctx: WriteContext,
  kind: SlipKind,
  id: string,
  from: DateSpan,
  to: DateSpan,
): void {
  if (from.start === to.start && from.end === to.end) return
  const ledger = ledgerMap(ctx.doc)
  // Unique without spending an entity id: no other entry is keyed by this client's clock.
  const clock = Y.getState(ctx.doc.store, ctx.doc.clientID)
  const key = `${ctx.doc.clientID.toString(36)}.${clock.toString(36)}`
  const at = Math.floor(Date.parse(ctx.now()) / 1000)
  const entry: StoredEntry = [
    KIND_CODE[kind],
    id,
    Number.isFinite(at) ? at : 0,
    ctx.author,
    dayOf(from.start),
    dayOf(from.end),
    dayOf(to.start),
    dayOf(to.end),
  ]
  ledger.set(key, entry)
  const own = ownEntries(ledger, kind, id)
  for (const stale of own.slice(0, Math.max(0, own.length - SLIP_LEDGER_CAP)))
    ledger.delete(stale.key)
}

/** Appends an entry for every feature and milestone whose dates differ from `before`. */
export function recordDateChangesSince(ctx: WriteContext, before: RoadmapData): number {
  const now = readRoadmap(ctx.doc)
  let written = 0
  const record = (kind: SlipKind, id: string, from: DateSpan, to: DateSpan) => {
    if (from.start === to.start && from.end === to.end) return
    recordDateChange(ctx, kind, id, from, to)
    written++
  }
  const features = new Map(before.features.map((f) => [f.id, f]))
  for (const f of now.features) {
    const old = features.get(f.id)
    if (old)
      record('features', f.id, { start: old.start, end: old.end }, { start: f.start, end: f.end })
  }
  const milestones = new Map(before.milestones.map((m) => [m.id, m]))
  for (const m of now.milestones) {
    const old = milestones.get(m.id)
    if (old)
      record('milestones', m.id, { start: null, end: old.date }, { start: null, end: m.date })
  }
  return written
}

/** Deletes every entry of an entity (call inside the transaction that deletes it). */
export function forgetDateChanges(doc: Y.Doc, kind: SlipKind, id: string): void {
  const ledger = ledgerMap(doc)
  for (const entry of ownEntries(ledger, kind, id)) ledger.delete(entry.key)
}

/** Every valid entry, oldest first (by time, then key: the same order on every peer). */
export function readSlipLedger(doc: Y.Doc): SlipEntry[] {
  return entriesOf(ledgerMap(doc))
}

/** Per entity: how often and by how much its dates slipped; in ledger order of first change. */
export function slipHistories(ledger: readonly SlipEntry[]): SlipHistory[] {
  const byEntity = new Map<string, SlipHistory & { first: IsoDate | null; last: IsoDate | null }>()
  for (const entry of ledger) {
    const key = `${entry.kind}/${entry.id}`
    const history = byEntity.get(key) ?? {
      kind: entry.kind,
      id: entry.id,
      changes: 0,
      slips: 0,
      slipDays: 0,
      netDays: 0,
      lastAt: entry.at,
      first: entry.from.end,
      last: null,
    }
    history.changes++
    history.lastAt = entry.at
    history.last = entry.to.end
    const days = entry.from.end && entry.to.end ? diffDays(entry.to.end, entry.from.end) : 0
    if (days > 0) {
      history.slips++
      history.slipDays += days
    }
    byEntity.set(key, history)
  }
  return [...byEntity.values()].map(({ first, last, ...history }) => ({
    ...history,
    netDays: first && last ? diffDays(last, first) : 0,
  }))
}

/** The entities that slipped most: by days slipped, then number of slips, then id. */
export function mostSlipped(ledger: readonly SlipEntry[], limit = 10): SlipHistory[] {
  return slipHistories(ledger)
    .filter((history) => history.slips > 0)
    .sort((a, b) => b.slipDays - a.slipDays || b.slips - a.slips || compareStrings(a.id, b.id))
    .slice(0, limit)
}

function entriesOf(ledger: Y.Map<unknown>): SlipEntry[] {
  const entries: SlipEntry[] = []
  ledger.forEach((value, key) => {
    const entry = normalizeEntry(key, value)
    if (entry) entries.push(entry)
  })
  return entries.sort(byTime)
}

/** One entity's entries, oldest first; the others are only looked at, not normalized. */
function ownEntries(ledger: Y.Map<unknown>, kind: SlipKind, id: string): SlipEntry[] {
  const entries: SlipEntry[] = []
  ledger.forEach((value, key) => {
    if (!Array.isArray(value) || value[0] !== KIND_CODE[kind] || value[1] !== id) return
    const entry = normalizeEntry(key, value)
    if (entry) entries.push(entry)
  })
  return entries.sort(byTime)
}

function byTime(a: SlipEntry, b: SlipEntry): number {
  return compareStrings(a.at, b.at) || compareStrings(a.key, b.key)
}

/** A peer may have written anything: entries without a kind, id or time are skipped. */
function normalizeEntry(key: string, value: unknown): SlipEntry | null {
  if (!Array.isArray(value)) return null
  const [code, id, at, by, fromStart, fromEnd, toStart, toEnd] = value as unknown[]
  const kind = code === 'f' ? 'features' : code === 'm' ? 'milestones' : null
  if (kind === null || typeof id !== 'string' || !Number.isSafeInteger(at)) return null
  const time = new Date((at as number) * 1000)
  if (Number.isNaN(time.getTime())) return null
  return {
    key,
    kind,
    id,
    at: time.toISOString(),
    by: typeof by === 'string' ? by : null,
    from: { start: dateOf(fromStart), end: dateOf(fromEnd) },
    to: { start: dateOf(toStart), end: dateOf(toEnd) },
  }
}
