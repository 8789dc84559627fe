// Presence pacing under load. Each presence change a room relays costs one socket write per
// person there (a system call through the TCP stack, several µs); on a busy server with many
// live sessions those writes are most of its work, and two pointers moving in one roadmap
// rarely land in the same event-loop turn. So when the event loop is busy, a roadmap whose news
// is presence only waits a little for more before relaying it, and what arrives meanwhile goes
// in the same frame. The wait grows with the load: none while the loop is busy less than
// IDLE_BELOW of the time (presence goes at once), the whole `maxHoldMs` from FULL_AT. The
// default, 4 ms, is a quarter of a 60 Hz display frame, well under the 40 ms between two moves
// of a 25 Hz pointer: a delay no one sees, against a queue that would otherwise grow by far
// more on a saturated loop. The thresholds are where, on the 2-core bench machine, relaying
// presence starts to be most of what the server does (a fifth of the time busy) and where its
// queue starts to grow (sessions at 150 rooms): judgement, not a measured optimum. An edit is
// never held for presence (flushes.ts releases the room).

/** Below this event-loop utilization presence is relayed at once. */
const IDLE_BELOW = 0.2
/** From this utilization presence waits the whole hold. */
const FULL_AT = 0.6

export const PRESENCE_TICK_MS = 4

/** How long (ms) presence-only news waits at event-loop utilization `busy` (0–1). */
export function presenceHold(maxHoldMs: number, busy: number): number {
  if (maxHoldMs <= 0 || busy <= IDLE_BELOW) return 0
  return maxHoldMs * Math.min(1, (busy - IDLE_BELOW) / (FULL_AT - IDLE_BELOW))
}
