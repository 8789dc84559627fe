import { pino } from 'pino'
import type { Logger } from 'pino'

export type { Logger }

/** JSON lines on stdout, written synchronously so the `listening` line is never lost. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { pid: process.pid } }, pino.destination({ dest: 1, sync: true }))
}

/** The message of a thrown value (anything may be thrown). */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e))
