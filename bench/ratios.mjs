// Meridian vs the anchors: the five figures the project tracks, as ratios against the best
// anchor (lower is better for all of them), with the project's targets. The floor
// (bench/floor/relay.mjs), when measured, gets a column of its own and is never the reference.

/** The harness target of the forward-only relay (bench/harness/lib/targets.mjs). */
export const FLOOR_TARGET = 'floor-relay'
const FLOOR_LABEL = 'floor (forward-only relay)'

/** Figures recorded in bench/harness/ANCHORS.md (full run, 2 cores), for runs without --compare. */
export const RECORDED_ANCHORS = [
  {
    target: 'yws-leveldb',
    fanoutN: 300,
    p99: 140.39,
    cpuS: 16.01,
    burstP99: 445.25,
    burstCpuS: 16.33,
    coldMs: 1379,
    memKbPerDoc: 60.4,
    lost: 0,
    sessions: {
      50: { p99: 1.84, cpuS: 5.35, delivery: 1 },
      150: { p99: 10.99, cpuS: 12.0, delivery: 1 },
    },
  },
  {
    target: 'hocuspocus-sqlite',
    fanoutN: 300,
    p99: 14.96,
    cpuS: 15.26,
    burstP99: 12.14,
    burstCpuS: 13.58,
    coldMs: 615,
    memKbPerDoc: 84,
    lost: 1119,
    sessions: {
      50: { p99: 8.14, cpuS: 11.77, delivery: 1 },
      150: { p99: 255.04, cpuS: 21.37, delivery: 0.29 },
    },
  },
]

const METRICS = [
  { key: 'p99', label: 'p99 fanout latency (ms)', target: 0.5 },
  { key: 'cpuS', label: 'server CPU s in fanout window', target: 0.6 },
  { key: 'burstP99', label: 'p99 fanout latency, aligned awareness burst (ms)', target: null },
  { key: 'coldMs', label: 'cold load: connect → complete content (ms)', target: 0.4 },
  { key: 'memKbPerDoc', label: 'server RSS per idle roadmap (KiB)', target: 0.5 },
  { key: 'lost', label: 'acknowledged edits lost (kill -9)', target: 0 },
]

/**
 * The sessions figures (bench/harness/scenarios/sessions.mjs), per room count: `max` is an
 * absolute bound (ms) besides the ratio; a run that lost presence cannot be the reference.
 */
const SESSION_METRICS = [
  { rooms: 50, key: 'cpuS', label: 'sessions 50 rooms: server CPU s in window', target: null },
  { rooms: 50, key: 'p99', label: 'sessions 50 rooms: presence p99 (ms)', target: null },
  { rooms: 150, key: 'cpuS', label: 'sessions 150 rooms: server CPU s in window', target: 0.5 },
  {
    rooms: 150,
    key: 'p99',
    label: 'sessions 150 rooms: presence p99 (ms)',
    target: 0.6,
    max: 30,
  },
]

/** Reduce harness JSON lines to one summary per target. */
export function summarize(results) {
  const byTarget = new Map()
  const get = (t) => {
    if (!byTarget.has(t)) byTarget.set(t, { target: t, errors: [] })
    return byTarget.get(t)
  }
  const fan = results.filter((r) => r.scenario === 'fanout' && !r.error)
  const maxN = Math.max(0, ...fan.map((r) => r.n))
  for (const r of results) {
    const s = get(r.target)
    if (r.error) {
      s.errors.push(`${r.scenario}${r.n ? ' N=' + r.n : ''}: ${r.error}`)
      continue
    }
    if (r.scenario === 'fanout' && r.n === maxN) {
      s.fanoutN = r.n
      if (r.awareness === 'aligned') {
        s.burstP99 = r.latencyMs?.p99
        s.burstCpuS = r.serverCpuS
      } else {
        s.p99 = r.latencyMs?.p99
        s.cpuS = r.serverCpuS
        s.deliveryRatio = r.deliveryRatio
      }
      // A run that did not deliver (nearly) everything did less work: its latency and CPU are
      // not comparable, so it cannot be the reference.
      if (r.deliveryRatio !== undefined && r.deliveryRatio < 0.99) {
        const which = r.awareness === 'aligned' ? ['burstP99', 'burstCpuS'] : ['p99', 'cpuS']
        s.incomplete = [...(s.incomplete ?? []), ...which]
        s.errors.push(
          `fanout N=${r.n}${r.awareness === 'aligned' ? ' (aligned)' : ''}: delivered only ${Math.round(r.deliveryRatio * 1000) / 10} %`,
        )
      }
    }
    if (r.scenario === 'cold-load') {
      s.coldMs = r.coldConnectToCompleteMs
      s.coldVerified = r.verified
    }
    if (r.scenario === 'many-docs') s.memKbPerDoc = r.serverRssPerDocKb
    if (r.scenario === 'durability') s.lost = r.lostAcked
    if (r.scenario === 'sessions') {
      s.sessions = s.sessions ?? {}
      s.sessions[r.rooms] = {
        p99: r.presenceMs?.p99,
        cpuS: r.serverCpuS,
        delivery: r.presenceDeliveryRatio,
        editDelivery: r.editDeliveryRatio,
        deliveries: r.deliveredPerS * r.durationS,
      }
    }
  }
  return [...byTarget.values()]
}

const num = (v) =>
  v === undefined || v === null || Number.isNaN(v) ? '–' : String(Math.round(v * 100) / 100)

export function ratioReport(results, { anchors, quick }) {
  const all = summarize(results)
  const ours = all.find((s) => s.target === 'meridian')
  const floor = all.find((s) => s.target === FLOOR_TARGET)
  const measuredAnchors = all.filter((s) => s.target !== 'meridian' && s.target !== FLOOR_TARGET)
  const against = anchors ?? measuredAnchors
  const recorded = anchors !== null && anchors !== undefined
  let md = `## Meridian vs best anchor${recorded ? ' (anchors as recorded in ANCHORS.md)' : ' (anchors measured in this run)'}\n\n`
  if (!ours) return md + 'No Meridian results.\n'
  if (recorded && quick) {
    md +=
      '_--quick sizes differ from the recorded full-size anchors: ratios omitted; run with --compare for same-run ratios._\n\n'
  }
  md += `Fanout rows are N=${ours.fanoutN ?? '?'}. Ratio = Meridian / best anchor (lower is better).\n\n`
  const floorHead = floor ? ` ${FLOOR_LABEL} |` : ''
  md += `| metric | Meridian | best anchor | ratio | target | ok |${floorHead}\n|---|---|---|---|---|---|${floor ? '---|' : ''}\n`
  for (const m of METRICS) {
    const v = ours[m.key]
    const cands = against.filter(
      (a) => typeof a[m.key] === 'number' && !(a.incomplete ?? []).includes(m.key),
    )
    const best = cands.sort((a, b) => a[m.key] - b[m.key])[0]
    const showRatio = !(recorded && quick) && best && typeof v === 'number'
    let ratio = '–'
    let ok = '–'
    if (m.key === 'lost') {
      ok = typeof v === 'number' ? (v === 0 ? 'yes' : 'NO') : '–'
    } else if (showRatio && best[m.key] > 0) {
      const r = v / best[m.key]
      ratio = `${num(r)}×`
      if (m.target !== null) ok = r <= m.target ? 'yes' : 'NO'
    }
    const target = m.target === null ? '–' : m.key === 'lost' ? '0' : `≤ ${m.target}×`
    // The floor stores nothing: it has no kill -9 figure to show.
    const floorCell = floor ? ` ${m.key === 'lost' ? '–' : num(floor[m.key])} |` : ''
    md += `| ${m.label} | ${num(v)} | ${best ? `${num(best[m.key])} (${best.target})` : '–'} | ${ratio} | ${target} | ${ok} |${floorCell}\n`
  }
  md += sessionRows(ours, against, recorded && quick, floor)
  if (floor) md += floorNotes(ours, against, floor)
  if (ours.deliveryRatio !== undefined && ours.deliveryRatio < 1)
    md += `\nFanout delivery ratio: ${ours.deliveryRatio} (< 1: messages lost or not drained).\n`
  if (ours.coldVerified === false) md += '\nCold load content NOT verified.\n'
  for (const s of all) for (const e of s.errors) md += `\n> ${s.target}: ${e}\n`
  return md
}

const delivered = (d) => (typeof d === 'number' ? `${num(d * 100)} %` : '–')

/** The best anchor that delivered every presence in the sessions run at `rooms`, by `key`. */
function bestSessionAnchor(against, rooms, key) {
  const cands = against
    .map((a) => ({ target: a.target, fig: a.sessions?.[rooms] }))
    .filter((a) => a.fig && typeof a.fig[key] === 'number' && a.fig.delivery >= 0.99)
  return cands.sort((a, b) => a.fig[key] - b.fig[key])[0]
}

/**
 * The sessions rows of the end table: ratios to the best anchor that delivered everything; the
 * floor's figure in a column of its own when it was measured.
 */
function sessionRows(ours, against, omitRatios, floor) {
  if (!ours.sessions) return ''
  let md = ''
  for (const m of SESSION_METRICS) {
    const mine = ours.sessions[m.rooms]
    if (!mine) continue
    const v = mine[m.key]
    const best = bestSessionAnchor(against, m.rooms, m.key)
    let ratio = '–'
    let ok = '–'
    if (!omitRatios && best && typeof v === 'number' && best.fig[m.key] > 0) {
      const r = v / best.fig[m.key]
      ratio = `${num(r)}×`
      if (m.target !== null)
        ok = r <= m.target && !(m.max !== undefined && v >= m.max) ? 'yes' : 'NO'
    }
    const target =
      m.target === null ? '–' : `≤ ${m.target}×${m.max !== undefined ? ` and < ${m.max}` : ''}`
    const floorCell = floor ? ` ${num(floor.sessions?.[m.rooms]?.[m.key])} |` : ''
    md += `| ${m.label} | ${num(v)} | ${best ? `${num(best.fig[m.key])} (${best.target})` : '–'} | ${ratio} | ${target} | ${ok} |${floorCell}\n`
  }
  for (const rooms of Object.keys(ours.sessions)) {
    const d = ours.sessions[rooms]
    const ok = d.delivery >= 1 && d.editDelivery >= 1 ? 'yes' : 'NO'
    const f = floor?.sessions?.[rooms]
    const floorCell = floor
      ? ` ${f ? `${delivered(f.delivery)} / ${delivered(f.editDelivery)}` : '–'} |`
      : ''
    md += `| sessions ${rooms} rooms: presence / edits delivered | ${delivered(d.delivery)} / ${delivered(d.editDelivery)} | – | – | 100 % | ${ok} |${floorCell}\n`
  }
  return md
}

/**
 * Where the floor is: server CPU of Meridian and of the best anchor as multiples of the floor's,
 * per sessions size. Above 1× is a server's own work; the floor's share is the per-recipient
 * socket write every relay pays (bench/floor/README.md).
 */
function floorNotes(ours, against, floor) {
  let md = ''
  for (const rooms of Object.keys(floor.sessions ?? {})) {
    const f = floor.sessions[rooms]
    const mine = ours.sessions?.[rooms]
    if (!(f.delivery >= 0.99) || !(f.cpuS > 0)) {
      md += `\nSessions ${rooms} rooms: the floor delivered ${delivered(f.delivery)} of presence, so its CPU is no floor.\n`
      continue
    }
    const times = (v) => (typeof v === 'number' ? `${num(v / f.cpuS)}×` : '–')
    const best = bestSessionAnchor(against, rooms, 'cpuS')
    md += `\nSessions ${rooms} rooms against the ${FLOOR_LABEL}, ${num(f.cpuS)} s of server CPU and presence p99 ${num(f.p99)} ms: Meridian's CPU ${times(mine?.cpuS)} the floor's (p99 ${num(mine?.p99)} ms)`
    md += best ? `, the best anchor's ${times(best.fig.cpuS)} (${best.target})` : ''
    // Each server's own work is what it spends above the floor; noise can put an anchor below it.
    if (typeof mine?.cpuS === 'number' && best && best.fig.cpuS > f.cpuS)
      md += `; above the floor, Meridian spends ${num((mine.cpuS - f.cpuS) / (best.fig.cpuS - f.cpuS))}× what the best anchor spends`
    // The load generator sends what it can, so servers can get different amounts of work.
    const perDelivery = (d) =>
      d?.deliveries > 0 ? `${num((d.cpuS / d.deliveries) * 1e6)} µs` : '–'
    md += `. CPU per delivery: Meridian ${perDelivery(mine)}, floor ${perDelivery(f)}${best ? `, ${best.target} ${perDelivery(best.fig)}` : ''}.\n`
  }
  return md
}
