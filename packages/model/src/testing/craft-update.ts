// Hand-built Yjs updates (format v1) for tests of what a server must refuse: structs that
// no Yjs client would send, written with Yjs' own struct encoders.

import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

export interface CraftedClient {
  client: number
  /** Consecutive structs; the first starts at its own id's clock. */
  structs: Array<Y.Item | Y.GC | Y.Skip>
}

export interface CraftedDeletion {
  client: number
  clock: number
  len: number
}

export function craftUpdate(
  clients: CraftedClient[],
  deletions: CraftedDeletion[] = [],
): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, clients.length)
  for (const { client, structs } of clients) {
    encoding.writeVarUint(encoder.restEncoder, structs.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, structs[0]?.id.clock ?? 0)
    for (const struct of structs) struct.write(encoder, 0)
  }
  const byClient = new Map<number, CraftedDeletion[]>()
  for (const deletion of deletions) {
    byClient.set(deletion.client, [...(byClient.get(deletion.client) ?? []), deletion])
  }
  encoding.writeVarUint(encoder.restEncoder, byClient.size)
  for (const [client, list] of byClient) {
    encoder.resetDsCurVal()
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, list.length)
    for (const { clock, len } of list) {
      encoder.writeDsClock(clock)
      encoder.writeDsLen(len)
    }
  }
  return encoder.toUint8Array()
}

/** A map entry holding one plain value, placed by parent (root name or item id) or origin. */
export function mapEntry(
  id: Y.ID,
  place: { parent: string | Y.ID; key: string } | { origin?: Y.ID; rightOrigin?: Y.ID },
  value: unknown,
): Y.Item {
  const content = new Y.ContentAny([value])
  if ('parent' in place) {
    return new Y.Item(id, null, null, null, null, place.parent as never, place.key, content)
  }
  return new Y.Item(
    id,
    null,
    place.origin ?? null,
    null,
    place.rightOrigin ?? null,
    null,
    null,
    content,
  )
}

/** The updates `fn` makes on `doc`, merged into one. */
export function updateOf(doc: Y.Doc, fn: () => void): Uint8Array {
  const updates: Uint8Array[] = []
  const listener = (update: Uint8Array) => updates.push(update)
  doc.on('update', listener)
  try {
    fn()
  } finally {
    doc.off('update', listener)
  }
  return Y.mergeUpdates(updates)
}
