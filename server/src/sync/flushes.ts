// When rooms flush: once per event-loop turn for every room with news (everything that arrived
// in the turn goes out together), later for a room whose fan-out pacing holds its next relay.
import type { Logger } from '../log.js'
import { errorText } from '../log.js'
import type { Clock, Timer } from './clock.js'
import type { Flushable } from './host.js'

/** A relay due sooner than this (ms) goes in this turn: a timer is not that precise. */
const MIN_HOLD_MS = 0.5

export class Flushes {
  private readonly dirty = new Set<Flushable>()
  /** rooms whose next relay waits (fan-out pacing), with the timer that releases it */
  private readonly held = new Map<Flushable, Timer>()
  private scheduled = false

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  schedule(room: Flushable): void {
    if (this.held.has(room)) return
    const wait = room.pacer.delay(this.clock.monotonic())
    if (wait >= MIN_HOLD_MS) {
      this.held.set(
        room,
        this.clock.setTimeout(() => {
          this.held.delete(room)
          this.schedule(room)
        }, Math.round(wait)),
      )
      return
    }
    this.dirty.add(room)
    if (this.scheduled) return
    this.scheduled = true
    // After the poll phase: everything that arrived in this turn goes out together.
    this.clock.afterTurn(this.run)
  }

  /** The room left memory: no flush is due any more. */
  forget(room: Flushable): void {
    this.dirty.delete(room)
    this.clock.clear(this.held.get(room))
    this.held.delete(room)
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
