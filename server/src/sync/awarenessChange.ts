// One client id's presence as a room relays it: its entry of a y-protocols awareness update
// (client id, clock, the state's JSON), encoded once when the change is accepted, and copied as
// it is into every frame that carries it (the turn's relay, a joiner's greeting, the other
// instances' feed). A state the server left as it was (its role already right) passes through
// as the bytes the client sent.
import { MESSAGE } from './protocol.js'
import { Outgoing, varUintSize, writeVarUint } from './wire.js'

export interface AwarenessChange {
  clientId: number
  clock: number
  /** JSON text of the state; 'null' once removed */
  state: string
  /** the server changed the state (its role): its sender must hear it back */
  echo?: true
}

const utf8 = new TextEncoder()

/**
 * Room for one entry. From Node's shared 8 KiB pool (Buffer.allocUnsafe): a typed array of its
 * own past 64 bytes is a separate off-heap allocation, which showed in the relay's profile at a
 * pointer's rate. An entry kept (the latest state of a client id) holds its pool chunk, at most
 * 8 KiB, no more than a state may weigh anyway; most are replaced within seconds. Every byte
 * is written before the entry is used.
 */
const entryBytes = (n: number): Uint8Array => Buffer.allocUnsafe(n)

/** A copy of `bytes[start, end)` (an entry as received) in room of its own. */
export function entryCopy(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const out = entryBytes(end - start)
  out.set(bytes.subarray(start, end))
  return out
}

function encodeEntry(c: AwarenessChange): Uint8Array {
  const json = utf8.encode(c.state)
  const out = entryBytes(
    varUintSize(c.clientId) + varUintSize(c.clock) + varUintSize(json.byteLength) + json.byteLength,
  )
  let at = writeVarUint(out, 0, c.clientId)
  at = writeVarUint(out, at, c.clock)
  at = writeVarUint(out, at, json.byteLength)
  out.set(json, at)
  return out
}

/**
 * The entry of a state whose bytes are `json` with the ASCII `text` inserted at byte `at` (the
 * role the server set, roleStamp.ts): written straight from the received bytes.
 */
export function insertedEntry(
  clientId: number,
  clock: number,
  json: Uint8Array,
  at: number,
  text: string,
): Uint8Array {
  const length = json.byteLength + text.length
  const out = entryBytes(varUintSize(clientId) + varUintSize(clock) + varUintSize(length) + length)
  let o = writeVarUint(out, 0, clientId)
  o = writeVarUint(out, o, clock)
  o = writeVarUint(out, o, length)
  out.set(json.subarray(0, at), o)
  o += at
  for (let i = 0; i < text.length; i++) out[o++] = text.charCodeAt(i)
  out.set(json.subarray(at), o)
  return out
}

/** An accepted change, with its entry encoded once (or taken as received). */
export class StateChange implements AwarenessChange {
  readonly echo: true | undefined
  #entry: Uint8Array | null

  /** @param entry the entry's bytes as received (a copy), or null to encode them when needed */
  constructor(
    readonly clientId: number,
    readonly clock: number,
    readonly state: string,
    entry: Uint8Array | null,
    echo = false,
  ) {
    this.echo = echo ? true : undefined
    this.#entry = entry
  }

  get entry(): Uint8Array {
    this.#entry ??= encodeEntry(this)
    return this.#entry
  }
}

const entryOf = (c: AwarenessChange): Uint8Array =>
  c instanceof StateChange ? c.entry : encodeEntry(c)

/** An awareness update (y-protocols `encodeAwarenessUpdate`) of `count` changes. */
export function encodeAwarenessUpdate(
  changes: Iterable<AwarenessChange>,
  count: number,
): Uint8Array {
  const entries: Uint8Array[] = []
  let size = varUintSize(count)
  for (const c of changes) {
    const e = entryOf(c)
    entries.push(e)
    size += e.byteLength
  }
  const out = new Uint8Array(size)
  let at = writeVarUint(out, 0, count)
  for (const e of entries) {
    out.set(e, at)
    at += e.byteLength
  }
  return out
}

/** One awareness message carrying every change, framed once for every socket that gets it. */
export function awarenessMessage(changes: readonly AwarenessChange[]): Outgoing {
  return Outgoing.message([MESSAGE.awareness], changes.map(entryOf), changes.length)
}
