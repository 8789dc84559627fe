// Setting `user.role` in a presence state (awareness.ts) without re-serialising it. The state
// is parsed once, to validate it and read its role; when the role must be set, the text to add
// is inserted into the bytes the client sent: `"role":"…"` at the end of its `user` object, or
// `"user":{"role":"…"}` at the end of the state when it has none. JSON.parse (what every
// y-protocols client reads a state with) takes the last of repeated keys, so the inserted one
// wins over any role the client wrote. States with non-ASCII text or escaped keys take the
// slower way (parse, set, stringify): there a character offset is not a byte offset, or the
// scan below could not tell which key it reads.
import type { Role } from '../store/store.js'

export interface Stamped {
  /** the state's JSON with the role set (the same string when it was right already) */
  state: string
  /** how `state`'s bytes are the received bytes with `text` at byte `at`; null: encode `state` */
  insert: { at: number; text: string } | null
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COLON = 0x3a
const COMMA = 0x2c

const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09

/** Where the object closed at `close` (opened at `open`) takes one more member, with a comma? */
function endOf(bytes: Uint8Array, open: number, close: number): { at: number; comma: boolean } {
  let j = close - 1
  while (j > open && isSpace(bytes[j])) j--
  return { at: close, comma: j > open }
}

/**
 * In valid JSON `bytes` (a top-level object): where the last top-level `user` object closes,
 * and where the top level closes. Null when a top-level key has an escape in it.
 */
function scan(bytes: Uint8Array): { user: [number, number] | null; top: [number, number] } | null {
  let depth = 0
  let inString = false
  let escaped = false
  let start = 0
  let key = true
  let lastKeyIsUser = false
  let userOpen = -1
  let user: [number, number] | null = null
  let topOpen = -1
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (inString) {
      if (escaped) escaped = false
      else if (b === BACKSLASH) {
        if (depth === 1 && key) return null
        escaped = true
      } else if (b === QUOTE) {
        inString = false
        if (depth === 1 && key)
          lastKeyIsUser =
            i - start === 4 &&
            bytes[start] === 0x75 &&
            bytes[start + 1] === 0x73 &&
            bytes[start + 2] === 0x65 &&
            bytes[start + 3] === 0x72
      }
      continue
    }
    if (b === QUOTE) {
      inString = true
      start = i + 1
    } else if (b === 0x7b || b === 0x5b) {
      depth++
      if (depth === 1) topOpen = i
      else if (depth === 2 && b === 0x7b && lastKeyIsUser) userOpen = i
    } else if (b === 0x7d || b === 0x5d) {
      if (depth === 2 && userOpen >= 0) {
        user = [userOpen, i]
        userOpen = -1
      } else if (depth === 1) return { user, top: [topOpen, i] }
      depth--
    } else if (depth === 1 && b === COLON) key = false
    else if (depth === 1 && b === COMMA) {
      key = true
      lastKeyIsUser = false
    }
  }
  return null
}

/**
 * `raw` (the decoded `bytes`; null: not valid UTF-8, never passed through) with `user.role` set
 * to `role`. Throws on malformed JSON.
 */
export function withRole(raw: string, bytes: Uint8Array | null, role: Role): Stamped {
  const state: unknown = JSON.parse(raw)
  if (state === null || typeof state !== 'object' || Array.isArray(state))
    return { state: raw, insert: null }
  const s = state as Record<string, unknown>
  const user = s.user
  const userIsObject = user !== null && typeof user === 'object' && !Array.isArray(user)
  if (userIsObject && (user as Record<string, unknown>).role === role)
    return { state: raw, insert: null }
  const member = `"role":${JSON.stringify(role)}`
  const found = bytes !== null && raw.length === bytes.byteLength ? scan(bytes) : null
  if (found && (!userIsObject || found.user)) {
    const [open, close] = userIsObject && found.user ? found.user : found.top
    const { at, comma } = endOf(bytes as Uint8Array, open, close)
    const text = (comma ? ',' : '') + (userIsObject ? member : `"user":{${member}}`)
    return { state: raw.slice(0, at) + text + raw.slice(at), insert: { at, text } }
  }
  if (userIsObject) (user as Record<string, unknown>).role = role
  else s.user = { role }
  return { state: JSON.stringify(s), insert: null }
}
