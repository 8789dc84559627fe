// The presence budget per connection (presenceRate.ts, presenceGate.ts) through a room over
// in-memory sockets and a clock the test moves (server/src/testing/roomWorld.ts): a pointer
// goes through untouched, a flood reaches the others as the budget allows and ends at its last
// state, and a sustained flood is closed.
import { afterEach, describe, expect, it } from 'vitest'
import { world as newWorld } from '../testing/roomWorld.js'
import type { Client } from '../testing/roomWorld.js'
import { CLOSE } from './closeCodes.js'
import { PRESENCE_RATE } from './presenceRate.js'
import type { Rooms } from './rooms.js'

const worlds: Rooms[] = []
afterEach(async () => {
  for (const rooms of worlds.splice(0)) await rooms.closeAll()
})

const world = async (): ReturnType<typeof newWorld> => {
  const w = await newWorld()
  worlds.push(w.rooms)
  return w
}

const pointer = (name: string, x: number) =>
  JSON.stringify({ user: { name, color: '#123456' }, pointer: { x } })

/** Every state `c` was sent for `clientId`, in order. */
const statesOf = (c: Client, clientId: number): unknown[] =>
  c.presence().flatMap((m) => (m.has(clientId) ? [m.get(clientId)] : []))

/** The pointer positions of `clientId` that `c` was sent, in order. */
const pointsOf = (c: Client, clientId: number): unknown[] =>
  statesOf(c, clientId).map((s) => (s as { pointer?: { x: number } } | null)?.pointer?.x)

const { perSecond, burst } = PRESENCE_RATE

describe('the presence budget', () => {
  it('relays a 25 Hz pointer untouched, every state in order', async () => {
    const { clock, connect } = await world()
    const watcher = await connect('editor', 'link-watcher')
    const editor = await connect('editor', 'link-ed')
    for (let x = 1; x <= 250; x++) {
      editor.announce({ clientId: 7, clock: x, state: pointer('Ed', x) })
      await clock.advance(40)
    }
    expect(pointsOf(watcher, 7)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1))
    expect(editor.socket.closedWith).toBeNull()
  })

  it('does not count echoes of other people against a connection: its pointer still goes through', async () => {
    const { clock, connect } = await world()
    const watcher = await connect('editor', 'link-watcher')
    const other = await connect('editor', 'link-other')
    const editor = await connect('editor', 'link-ed')
    other.announce({ clientId: 8, clock: 1, state: pointer('Olga', 0) })
    await clock.settle()
    // y-websocket clients send back every state they hear: here 1,000 a second.
    for (let x = 1; x <= 100; x++) {
      for (let i = 0; i < 40; i++)
        editor.announce({ clientId: 8, clock: 1, state: pointer('Olga', 0) })
      editor.announce({ clientId: 7, clock: x, state: pointer('Ed', x) })
      await clock.advance(40)
    }
    expect(pointsOf(watcher, 7)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
    expect(editor.socket.closedWith).toBeNull()
  })

  it('relays a flood of 10,000 messages in a second as at most the budget, ending at its last state', async () => {
    const { clock, connect } = await world()
    const watcher = await connect('editor', 'link-watcher')
    const flood = await connect('editor', 'link-flood')
    let n = 0
    for (let ms = 0; ms < 1_000; ms++) {
      for (let i = 0; i < 10; i++) {
        n++
        flood.announce({ clientId: 9, clock: n, state: pointer('Flood', n) })
      }
      await clock.advance(1)
    }
    await clock.advance(1_000)
    const seen = pointsOf(watcher, 9)
    expect(seen.length).toBeLessThanOrEqual(burst + perSecond)
    expect(seen.at(-1)).toBe(10_000)
    expect(flood.socket.closedWith).toBeNull()
  })

  it('holds big states to the byte budget: 8 KiB states at 100 a second reach others at about 64 KiB/s', async () => {
    const { clock, connect } = await world()
    const watcher = await connect('editor', 'link-watcher')
    const flood = await connect('editor', 'link-flood')
    const big = (n: number) =>
      JSON.stringify({ user: { name: 'Big', color: '#123456', note: 'x'.repeat(7_900) }, n })
    let n = 0
    for (let ms = 0; ms < 4_000; ms += 10) {
      n++
      flood.announce({ clientId: 9, clock: n, state: big(n) })
      await clock.advance(10)
    }
    await clock.advance(2_000)
    const seen = statesOf(watcher, 9) as { n: number }[]
    // 6 s of budget and the burst: (6 + 2) × 64 KiB of ~8 KiB states, not the 400 sent.
    expect(seen.length).toBeLessThanOrEqual(Math.ceil((8 * PRESENCE_RATE.bytesPerSecond) / 7_900))
    expect(seen.length).toBeLessThan(n / 4)
    expect(seen.at(-1)?.n).toBe(n)
    expect(flood.socket.closedWith).toBeNull()
  })

  it('keeps the latest state of each client id a flooding connection owns', async () => {
    const { clock, connect } = await world()
    const watcher = await connect('editor', 'link-watcher')
    const flood = await connect('editor', 'link-flood')
    for (let n = 1; n <= 2 * burst; n++) {
      flood.announce({ clientId: 9, clock: n, state: pointer('A', n) })
      flood.announce({ clientId: 10, clock: n, state: pointer('B', -n) })
    }
    await clock.advance(1_000)
    expect(pointsOf(watcher, 9).at(-1)).toBe(2 * burst)
    expect(pointsOf(watcher, 10).at(-1)).toBe(-2 * burst)
  })

  it('closes a connection flooding for seconds (4413), and the others go on', async () => {
    const { clock, connect } = await world()
    const watcher = await connect('editor', 'link-watcher')
    const editor = await connect('editor', 'link-ed')
    const flood = await connect('editor', 'link-flood')
    let n = 0
    const floodFor = async (ms: number) => {
      for (let t = 0; t < ms; t += 10) {
        // 1,000 messages a second: far over the budget.
        for (let i = 0; i < 10 && flood.socket.isOpen; i++) {
          n++
          flood.announce({ clientId: 9, clock: n, state: pointer('Flood', n) })
        }
        await clock.advance(10)
      }
    }
    await floodFor(2_000)
    expect(flood.socket.closedWith).toBeNull()
    expect(pointsOf(watcher, 9).length).toBeLessThanOrEqual(burst + 2 * perSecond)
    await floodFor(2_000)
    expect(flood.socket.closedWith).toEqual(CLOSE.presenceTooLarge)
    editor.edit('after')
    await clock.settle()
    expect(watcher.relayed()).toEqual([['after']])
  })

  it('does not close a connection a little over its budget, and holds what it relays to it', async () => {
    const { clock, connect } = await world()
    const watcher = await connect('editor', 'link-watcher')
    const busy = await connect('editor', 'link-busy')
    let n = 0
    // 200 a second, over three times the budget, for ten seconds: held to it, not a flood.
    for (let t = 0; t < 10_000; t += 5) {
      n++
      busy.announce({ clientId: 9, clock: n, state: pointer('Busy', n) })
      await clock.advance(5)
    }
    await clock.advance(1_000)
    const seen = pointsOf(watcher, 9)
    expect(seen.length).toBeLessThanOrEqual(burst + 11 * perSecond)
    expect(seen.at(-1)).toBe(n)
    expect(busy.socket.closedWith).toBeNull()
  })
})
