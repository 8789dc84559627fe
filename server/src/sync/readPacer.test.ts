// The read pacer over a socket double and a clock the test moves: a live client's traffic is
// never paused; a flood of tiny frames is read at the budget, the socket paused in between
// and resumed when the budget is back; one frame as large as the payload limit still passes.
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../testing/manualClock.js'
import { ReadPacer } from './readPacer.js'

class PausableDouble {
  paused = false
  pause(): void {
    this.paused = true
  }
  resume(): void {
    this.paused = false
  }
}

const LIMITS = { framesPerSecond: 2_000, bytesPerSecond: 16 * 1024 * 1024 }
const MAX_PAYLOAD = 8 * 1024 * 1024

describe('ReadPacer', () => {
  it('never pauses a live session: 300 frames a second for a minute', async () => {
    const clock = new ManualClock()
    const socket = new PausableDouble()
    const pacer = new ReadPacer(socket, LIMITS, clock, MAX_PAYLOAD)
    for (let tick = 0; tick < 60 * 100; tick++) {
      for (let i = 0; i < 3; i++) pacer.read(200)
      await clock.advance(10)
    }
    expect(pacer.pauses).toBe(0)
    expect(socket.paused).toBe(false)
  })

  it('reads a flood of tiny frames at the budget, pausing the socket in between', async () => {
    const clock = new ManualClock()
    const socket = new PausableDouble()
    const pacer = new ReadPacer(socket, LIMITS, clock, MAX_PAYLOAD)
    // The flooder sends whenever the socket is read: count what a second lets through.
    let read = 0
    for (let ms = 0; ms < 1_000; ms++) {
      while (!socket.paused && read < 1_000_000) {
        pacer.read(4)
        read++
      }
      await clock.advance(1)
    }
    // The burst (2 s of budget) and one second's budget, not a million.
    expect(read).toBeGreaterThanOrEqual(4_000)
    expect(read).toBeLessThanOrEqual(6_001)
    expect(pacer.pauses).toBeGreaterThan(0)
    pacer.stop()
  })

  it('lets one frame of the largest payload through and then waits for the bytes', async () => {
    const clock = new ManualClock()
    const socket = new PausableDouble()
    const pacer = new ReadPacer(socket, LIMITS, clock, MAX_PAYLOAD)
    pacer.read(MAX_PAYLOAD)
    expect(socket.paused).toBe(false)
    pacer.read(MAX_PAYLOAD)
    pacer.read(MAX_PAYLOAD)
    pacer.read(MAX_PAYLOAD)
    pacer.read(MAX_PAYLOAD)
    expect(socket.paused).toBe(true)
    await clock.advance(1_000)
    expect(socket.paused).toBe(false)
  })

  it('leaves no timer behind when the socket closes while paused', async () => {
    const clock = new ManualClock()
    const socket = new PausableDouble()
    const pacer = new ReadPacer(socket, LIMITS, clock, MAX_PAYLOAD)
    for (let i = 0; i < 5_000; i++) pacer.read(1)
    expect(socket.paused).toBe(true)
    pacer.stop()
    await clock.advance(10_000)
    expect(socket.paused).toBe(true)
  })
})
