import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Conn } from './conn.js'
import type { RoomSocket } from './socket.js'
import { updateRelay } from './relay.js'

const conn = (): Conn => new Conn({} as RoomSocket, 'editor', 'link', null)
const edit = (key: string): Uint8Array => {
  const d = new Y.Doc()
  d.getMap('m').set(key, key)
  return Y.encodeStateAsUpdate(d)
}
const keysOf = (payload: Uint8Array): string[] => {
  // [sync, update, varuint length, update]: the update is what follows the length
  let i = 2
  while (payload[i] & 0x80) i++
  const d = new Y.Doc()
  Y.applyUpdate(d, payload.subarray(i + 1))
  return [...d.getMap('m').keys()].sort()
}

describe('what a turn relays', () => {
  it('sends nothing back to a lone client about its own edits', () => {
    const a = conn()
    expect(updateRelay(new Set([a]), [edit('x'), edit('y')], [a, a])).toBeNull()
  })

  it('still sends a lone client what the server or another instance changed in that turn', () => {
    const a = conn()
    const r = updateRelay(new Set([a]), [edit('mine'), edit('restored')], [a, null])
    expect(r).not.toBeNull()
    const out = r?.own?.get(a) ?? r?.all
    expect(out && keysOf(out.payloads[0])).toEqual(['restored'])
  })

  it('sends each sender the others’ edits, and everyone else all of them', () => {
    const [a, b, c] = [conn(), conn(), conn()]
    const r = updateRelay(new Set([a, b, c]), [edit('a'), edit('b')], [a, b])
    expect(keysOf(r?.all.payloads[0] as Uint8Array)).toEqual(['a', 'b'])
    expect(keysOf(r?.own?.get(a)?.payloads[0] as Uint8Array)).toEqual(['b'])
    expect(keysOf(r?.own?.get(b)?.payloads[0] as Uint8Array)).toEqual(['a'])
  })
})
