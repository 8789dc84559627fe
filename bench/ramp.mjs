// The sessions ramp: for each server, the sessions scenario (bench/harness/scenarios/sessions.mjs)
// at 50, 100, 150, … rooms until presence p99 exceeds 50 ms or any presence is lost. The knee is
// the last size that passed; the load generator's own CPU there says whether the figure is the
// server's limit or the load generator's (both share the machine).

export const RAMP = {
  firstRooms: 50,
  stepRooms: 50,
  /** a size beyond which the load generator itself cannot keep up on 2 cores */
  maxRooms: 1000,
  maxPresenceP99Ms: 50,
}

const num = (v) =>
  v === undefined || v === null || Number.isNaN(v) ? '–' : String(Math.round(v * 100) / 100)

/** Why a sessions result fails the ramp; null when it passes. */
export function rampFailure(r) {
  if (!r) return 'no result'
  if (r.error) return r.error
  if (r.serverCrashed) return 'server crashed'
  if (!(r.presenceDeliveryRatio >= 1))
    return `presence delivered ${num(r.presenceDeliveryRatio * 100)} %`
  if (!(r.presenceMs?.p99 <= RAMP.maxPresenceP99Ms))
    return `presence p99 ${num(r.presenceMs?.p99)} ms > ${RAMP.maxPresenceP99Ms} ms`
  return null
}

/**
 * Ramps each target; `measure(target, rooms)` runs the harness once and resolves with its
 * results. Returns the report (markdown).
 */
export async function rampSessions(targets, measure) {
  const rows = []
  for (const target of targets) {
    let knee = null
    let stop = `reached ${RAMP.maxRooms} rooms`
    const steps = []
    for (let rooms = RAMP.firstRooms; rooms <= RAMP.maxRooms; rooms += RAMP.stepRooms) {
      const { results } = await measure(target, rooms)
      const r = results.find((x) => x.scenario === 'sessions')
      const failure = rampFailure(r)
      // The load generator's own lag says whether a failure is the server's or its own.
      const lag = r?.loadgen
        ? `, load generator loop delay p99 ${num(r.loadgen.loopDelayP99Ms)} ms`
        : ''
      steps.push(`${rooms}: ${failure ?? `p99 ${num(r.presenceMs.p99)} ms`}${lag}`)
      if (failure) {
        stop = `${rooms} rooms: ${failure}`
        break
      }
      knee = { rooms, r }
    }
    rows.push({ target, knee, stop, steps })
  }
  let md = `## Sessions ramp (8 people per room, 2 pointers at 25 Hz)\n\n`
  md += `Rooms from ${RAMP.firstRooms} in steps of ${RAMP.stepRooms} until presence p99 > ${RAMP.maxPresenceP99Ms} ms or presence is lost. Knee = last passing size.\n\n`
  md +=
    '| server | knee (rooms) | presence p99 at knee (ms) | server CPU at knee (cores) | load generator CPU s at knee (warm-up to drain) / its loop delay p99 ms | stopped at |\n|---|---|---|---|---|---|\n'
  for (const { target, knee, stop } of rows) {
    const r = knee?.r
    md += `| ${target} | ${knee ? knee.rooms : 'none'} | ${num(r?.presenceMs?.p99)} | ${num(r?.serverCpuUtil)} | ${num(r?.loadgen?.cpuS)} / ${num(r?.loadgen?.loopDelayP99Ms)} | ${stop} |\n`
  }
  md += '\n'
  for (const { target, steps } of rows) md += `- ${target}: ${steps.join('; ')}\n`
  return md
}
