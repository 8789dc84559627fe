// The y-websocket wire protocol (y-protocols sync, awareness, auth), encoded and decoded
// without a Y.Doc: frames are built once and sent to many sockets.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { errorText } from '../log.js'

export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const

export const SYNC = {
  step1: 0,
  step2: 1,
  update: 2,
} as const

/** y-protocols/auth messagePermissionDenied */
export const AUTH_PERMISSION_DENIED = 0

export type Incoming =
  | { kind: 'step1'; stateVector: Uint8Array }
  | { kind: 'step2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  | { kind: 'auth' }

export type Decoded = { ok: true; message: Incoming } | { ok: false; error: string }

/** Decodes one frame. Never throws: a malformed frame is a value. */
export function decodeFrame(data: Uint8Array): Decoded {
  try {
    const dec = decoding.createDecoder(data)
    const type = decoding.readVarUint(dec)
    switch (type) {
      case MESSAGE.sync: {
        const sub = decoding.readVarUint(dec)
        const payload = decoding.readVarUint8Array(dec)
        switch (sub) {
          case SYNC.step1:
            return { ok: true, message: { kind: 'step1', stateVector: payload } }
          case SYNC.step2:
            return { ok: true, message: { kind: 'step2', update: payload } }
          case SYNC.update:
            return { ok: true, message: { kind: 'update', update: payload } }
          default:
            return { ok: false, error: `unknown sync message ${sub}` }
        }
      }
      case MESSAGE.awareness:
        return { ok: true, message: { kind: 'awareness', update: decoding.readVarUint8Array(dec) } }
      case MESSAGE.queryAwareness:
        return { ok: true, message: { kind: 'queryAwareness' } }
      case MESSAGE.auth:
        return { ok: true, message: { kind: 'auth' } }
      default:
        return { ok: false, error: `unknown message type ${type}` }
    }
  } catch (e) {
    return { ok: false, error: errorText(e) }
  }
}

const frame = (type: number, sub: number | null, payload: Uint8Array): Uint8Array => {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, type)
  if (sub !== null) encoding.writeVarUint(enc, sub)
  encoding.writeVarUint8Array(enc, payload)
  return encoding.toUint8Array(enc)
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array =>
  frame(MESSAGE.sync, SYNC.step1, stateVector)
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array =>
  frame(MESSAGE.sync, SYNC.step2, update)
export const encodeUpdate = (update: Uint8Array): Uint8Array =>
  frame(MESSAGE.sync, SYNC.update, update)
export const encodeAwareness = (update: Uint8Array): Uint8Array =>
  frame(MESSAGE.awareness, null, update)

export function encodePermissionDenied(reason: string): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, MESSAGE.auth)
  encoding.writeVarUint(enc, AUTH_PERMISSION_DENIED)
  encoding.writeVarString(enc, reason)
  return encoding.toUint8Array(enc)
}
