// The periodic clean-up of roadmaps nobody used: created more than MERIDIAN_UNUSED_ROADMAP_TTL_HOURS
// ago, never opened (over WebSocket or the API) and never edited. Anyone may create roadmaps;
// those never touched must not pile up forever (server/README.md § Limits).
import type { Logger } from '../log.js'
import { errorText } from '../log.js'
import type { Store } from '../store/store.js'

/** Roadmaps deleted per pass: a pass is one short store transaction. */
const PER_PASS = 500

export interface UnusedSweep {
  stop(): void
}

/** Runs a pass every quarter of the TTL (at least every second, at most hourly); 0: never. */
export function sweepUnusedRoadmaps(store: Store, log: Logger, ttlMs: number): UnusedSweep {
  if (ttlMs <= 0) return { stop: () => undefined }
  let running = false
  const pass = async (): Promise<void> => {
    if (running) return
    running = true
    try {
      const ids = await store.deleteUnusedRoadmaps(Date.now() - ttlMs, PER_PASS)
      if (ids.length > 0)
        log.info({ count: ids.length, roadmapIds: ids }, 'deleted unused roadmaps')
    } catch (e) {
      log.error({ err: errorText(e) }, 'deleting unused roadmaps failed')
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void pass(), Math.min(3_600_000, Math.max(1_000, ttlMs / 4)))
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
