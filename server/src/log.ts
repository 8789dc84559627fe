import { pino } from 'pino'
import type { Logger } from 'pino'

export type { Logger }

/**
 * JSON lines on stdout, written synchronously so the `listening` line is never lost. Every
 * argument of every line, at every level, goes through `redactTokens` first: tokens travel
 * in URLs (`?token=`) and headers, and logs are read by more people than hold the links.
 */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => redactValue(arg, 0)) as Parameters<typeof method>)
        },
      },
    },
    pino.destination({ dest: 1, sync: true }),
  )
}

const TOKEN_PARAM = /([?&;]|%3F|%26)((?:access_)?token(?:=|%3D))[^&#\s"'<>]*/gi
const BEARER = /\b(Bearer\s+)[^\s"',;]+/gi
const REDACTED = '[redacted]'
/** Deeper than any object this server logs; beyond it values are dropped, not walked. */
const MAX_DEPTH = 6

/** `text` with the value of every `token=` query parameter and Bearer credential redacted. */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_PARAM, `$1$2${REDACTED}`).replace(BEARER, `$1${REDACTED}`)
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactTokens(value)
  if (typeof value !== 'object' || value === null) return value
  if (depth >= MAX_DEPTH) return REDACTED
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1))
  if (value instanceof Error) {
    return { type: value.name, message: redactTokens(value.message), stack: redactStack(value) }
  }
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    out[key] = key.toLowerCase() === 'authorization' ? REDACTED : redactValue(item, depth + 1)
  }
  return out
}

function redactStack(error: Error): string | undefined {
  return error.stack === undefined ? undefined : redactTokens(error.stack)
}

/** The message of a thrown value (anything may be thrown). */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e))
