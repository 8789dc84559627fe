// When rooms flush: once per event-loop turn for every room with news (everything that arrived
// in the turn goes out together), later for a room whose fan-out pacing holds its next relay,
// or whose news is presence only while the event loop is busy (the presence tick,
// presenceTick.ts). An edit ends a presence-only hold at once: only pacing holds edits.
import type { Logger } from '../log.js'
import { errorText } from '../log.js'
import type { Clock, Timer } from './clock.js'
import type { Flushable } from './host.js'
import { presenceHold } from './presenceTick.js'

/** A relay due sooner than this (ms) goes in this turn: a timer is not that precise. */
const MIN_HOLD_MS = 0.5

interface Hold {
  timer: Timer
  /** held for presence only: news with an edit goes now */
  presence: boolean
}

export class Flushes {
  private readonly dirty = new Set<Flushable>()
  /** rooms whose next relay waits, with the timer that releases it */
  private readonly held = new Map<Flushable, Hold>()
  private scheduled = false

  /** @param presenceTickMs the longest presence-only wait (presenceTick.ts); 0 never waits */
  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly presenceTickMs = 0,
  ) {}

  schedule(room: Flushable): void {
    const hold = this.held.get(room)
    if (hold) {
      if (!hold.presence || room.presenceOnly) return
      this.clock.clear(hold.timer)
      this.held.delete(room)
      this.due(room)
      return
    }
    const paced = room.pacer.delay(this.clock.monotonic())
    const presence = room.presenceOnly ? presenceHold(this.presenceTickMs, this.clock.busy()) : 0
    const wait = Math.max(paced, presence)
    if (wait >= MIN_HOLD_MS) {
      const timer = this.clock.setTimeout(() => {
        this.held.delete(room)
        this.due(room)
      }, Math.round(wait))
      this.held.set(room, { timer, presence: paced < MIN_HOLD_MS })
      return
    }
    this.due(room)
  }

  /** The room left memory: no flush is due any more. */
  forget(room: Flushable): void {
    this.dirty.delete(room)
    this.clock.clear(this.held.get(room)?.timer)
    this.held.delete(room)
  }

  private due(room: Flushable): void {
    this.dirty.add(room)
    if (this.scheduled) return
    this.scheduled = true
    // After the poll phase: everything that arrived in this turn goes out together.
    this.clock.afterTurn(this.run)
  }

  private readonly run = (): void => {
    this.scheduled = false
    const rooms = [...this.dirty]
    this.dirty.clear()
    for (const r of rooms) {
      r.flush().catch((e: unknown) =>
        this.log.error({ roadmapId: r.id, err: errorText(e) }, 'flush failed'),
      )
    }
  }
}
