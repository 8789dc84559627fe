// Commenter links voting, across processes: the server takes a commenter's own ballot only
// once the session lets commenters vote (packages/model `commenter-ballot.ts`); before that,
// and for a ballot under anyone else's key, the client is told and nothing reaches others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { commenterVoter, readSessions, Sessions } from '@meridian/model'
import type { SessionId, VoteId } from '@meridian/model'
import { createLink, createRoadmap } from './helpers/api.js'
import { connectedProvider, destroyAll } from './helpers/provider.js'
import { RawClient, frames, wsUrl } from './helpers/raw.js'
import { ServerFixture } from './helpers/server.js'
import { waitForDoc } from './helpers/wait.js'

const ballotsOf = (doc: Y.Doc) => readSessions(doc)[0]?.votes[0]?.ballots ?? []

/** A raw commenter socket casting `voter`'s ballot; resolves with the server's refusal. */
async function rawCast(
  url: string,
  sessionId: SessionId,
  voteId: VoteId,
  voter: { key: string; name: string },
) {
  const client = await RawClient.open(url)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, await client.handshake())
  const sv = Y.encodeStateVector(doc)
  const cast = new Sessions(doc, { origin: 'test' }).cast(
    sessionId,
    voteId,
    voter,
    { 'f-1': 2 },
    { join: false },
  )
  expect(cast).toEqual({ ok: true })
  await client.send(frames.update(Y.encodeStateAsUpdate(doc, sv)))
  const denied = await client.waitForFrame('auth-denied')
  client.terminate()
  return denied
}

describe('commenter votes', () => {
  const fx = new ServerFixture()
  const providers: WebsocketProvider[] = []
  beforeAll(async () => {
    await fx.start()
  })
  afterAll(async () => {
    destroyAll(...providers)
    await fx.dispose()
  })

  it('takes a commenter’s own ballot only when the session allows it', async () => {
    const roadmap = await createRoadmap(fx.server, 'Voting')
    const link = await createLink(fx.server, roadmap, 'commenter')
    const editor = await connectedProvider(fx.server, roadmap.id, roadmap.editorToken)
    providers.push(editor)
    const sessions = new Sessions(editor.doc, { origin: 'test' })
    const sessionId = sessions.start({
      title: 'Vote',
      facilitator: { key: 'k-ed', name: 'Ed' },
      checkpointId: null,
      topics: [],
    })
    const voteId = sessions.openVote(sessionId, {
      title: 'Next',
      mode: 'dots',
      options: ['f-1', 'f-2'],
    })!
    const url = `${wsUrl(fx.server, roadmap.id, link.token)}&name=Cora`
    const cora = commenterVoter({ linkId: link.linkId, name: 'Cora' })
    await waitForDoc(editor.doc, () => readSessions(editor.doc).length === 1, 'session written')

    // Not allowed yet: refused, and the client is told.
    const early = await rawCast(url, sessionId, voteId, cora)
    expect(early.reason).toMatch(/comments-only/)

    // The owner allows it: the commenter's own ballot now reaches the editor.
    sessions.setCommentersVote(sessionId, true)
    const commenter = await connectedProvider(fx.server, roadmap.id, link.token, { name: 'Cora' })
    providers.push(commenter)
    await waitForDoc(
      commenter.doc,
      (d) => readSessions(d)[0]?.commentersVote === true,
      'the commenter sees the switch',
    )
    new Sessions(commenter.doc, { origin: 'test' }).cast(
      sessionId,
      voteId,
      cora,
      { 'f-2': 3 },
      { join: false },
    )
    await waitForDoc(editor.doc, (d) => ballotsOf(d).length === 1, 'the ballot at the editor')
    expect(ballotsOf(editor.doc)[0]).toMatchObject({ voter: cora, marks: { 'f-2': 3 } })

    // A ballot under another person's key, from the same link: refused.
    const forged = await rawCast(url, sessionId, voteId, { key: 'k-ed', name: 'Cora' })
    expect(forged.reason).toMatch(/not this person's/)
    expect(ballotsOf(editor.doc)).toHaveLength(1)
    expect(ballotsOf(editor.doc)[0]!.voter).toEqual(cora)
  })
})
