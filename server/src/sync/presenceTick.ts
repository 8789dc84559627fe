// Presence pacing under load. Each presence change a room relays costs one socket write per
// person there (a system call through the TCP stack, several µs); on a busy server with many
// live sessions those writes are most of its work, and two pointers moving in one roadmap
// rarely land in the same event-loop turn. So when the event loop is busy, a roadmap whose news
// is presence only waits a little for more before relaying it, and what arrives meanwhile goes
// in the same frame. The wait grows with the load: none while the loop is busy less than
// IDLE_BELOW of the time (presence goes at once), the whole `maxHoldMs` from FULL_AT. The
// default, 16 ms, is one 60 Hz display frame, well under the 40 ms between two moves of a
// 25 Hz pointer. It was 4 ms; sessions at 150 rooms on the 2-core bench machine (same
// machine, one run each, server CPU in the 20 s window and presence p99) measured
// 4 ms: 17.27 s / 78 ms and 17.37 s / 106 ms, 8 ms: 17.09 s / 73 ms, 12 ms: 16.46 s / 76 ms,
// 16 ms: 14.06 s / 59 ms and 15.87 s / 71 ms, 32 ms: 13.66 s / 65 ms. A longer hold writes
// less and the saturated machine delivers sooner; past 16 ms the median grows by the hold.
// The hold starts at IDLE_BELOW = 0.4 and is whole from FULL_AT = 0.7. With 0.2 and 0.6 (the
// first thresholds) 50 rooms, a loop about a third busy, already held presence: its median
// went from 0.5 to 5.6 ms for 10 % less CPU. With 0.4 and 0.7 it relays at once there (median
// 0.7 ms, p99 8.0 ms) while 150 rooms, a saturated loop, still hold the whole 16 ms (15.85 s,
// p99 67 ms). Where a loop is busy enough for writes to matter is judgement from these runs,
// not a measured optimum. An edit is never held for presence (flushes.ts releases the room).

/** Below this event-loop utilization presence is relayed at once. */
const IDLE_BELOW = 0.4
/** From this utilization presence waits the whole hold. */
const FULL_AT = 0.7

export const PRESENCE_TICK_MS = 16

/** How long (ms) presence-only news waits at event-loop utilization `busy` (0–1). */
export function presenceHold(maxHoldMs: number, busy: number): number {
  if (maxHoldMs <= 0 || busy <= IDLE_BELOW) return 0
  return maxHoldMs * Math.min(1, (busy - IDLE_BELOW) / (FULL_AT - IDLE_BELOW))
}
