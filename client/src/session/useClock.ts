// The time now, re-read every second while `running`: what a timebox counts down by.
import { useEffect, useState } from 'react'

export function useClock(running: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!running) return
    setNow(Date.now())
    const timer = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(timer)
  }, [running])
  return now
}

/** "4:05" for 245 seconds. */
export function formatSeconds(seconds: number): string {
  const s = Math.abs(Math.round(seconds))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}
