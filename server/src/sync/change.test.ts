// A server-side change (a restore) is all or nothing: built on a copy of the document, then
// stored and relayed in one step like a client's update.
import { afterEach, describe, expect, it } from 'vitest'
import { ID, world as newWorld } from '../testing/roomWorld.js'
import { CLOSE } from './closeCodes.js'
import { ORIGIN } from './origins.js'
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

describe('a server-side change', () => {
  it('that throws halfway leaves the live document, the store and the clients untouched', async () => {
    const { clock, store, rooms, connect } = await world()
    const a = await connect()
    a.edit('kept')
    await clock.settle()
    const room = rooms.get(ID)
    const failing = room.change(ORIGIN.restore, (doc) => {
      doc.getMap('m').set('half', 'done')
      throw new Error('invalid snapshot')
    })
    await expect(failing).rejects.toThrow('invalid snapshot')
    expect([...room.doc().getMap('m').keys()]).toEqual(['kept'])
    await rooms.closeAll()
    expect(await store.storedKeys(ID)).toEqual(['kept'])
    expect(a.relayed()).toEqual([])
  })

  it('the store refuses: nothing relayed, the change is rejected and not saved later', async () => {
    const { clock, store, rooms, connect } = await world()
    const [a, b] = [await connect(), await connect()]
    a.edit('kept')
    await clock.settle()
    store.failAppends = true
    const room = rooms.get(ID)
    const refused = expect(
      room.change(ORIGIN.restore, (doc) => doc.getMap('m').set('restored', 1)),
    ).rejects.toThrow('storing the change failed')
    await clock.settle()
    await refused
    expect(b.relayed()).toEqual([['kept']])
    expect(a.socket.closedWith).toEqual(CLOSE.internalError)
    store.failAppends = false
    await rooms.closeAll()
    expect(await store.storedKeys(ID)).toEqual(['kept'])
  })

  it('stored, then relayed to every client', async () => {
    const { clock, store, rooms, connect } = await world()
    const a = await connect()
    const changing = rooms.get(ID).change(ORIGIN.restore, (doc) => doc.getMap('m').set('r', 1))
    await clock.settle()
    await changing
    expect(a.relayed()).toEqual([['r']])
    expect(await store.storedKeys(ID)).toEqual(['r'])
  })
})
