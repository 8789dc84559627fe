// Creating a roadmap: its document, stored with three initial links (owner, editor, viewer).
// Used by the HTTP API (create, import) and by the demo seeding in main.ts.
import * as Y from 'yjs'
import { Roadmap, readMeta } from '@meridian/model'
import type { CreatedRoadmap } from '@meridian/protocol'
import { newLink } from '../auth/newLink.js'
import { newId } from '../ids.js'
import type { Store } from '../store/store.js'
import { ROLE } from '../store/store.js'
import { ORIGIN, SERVER_DOC } from '../sync/origins.js'

/** Stores a new roadmap with `doc` as its content; the title is the document's, else `title`. */
export function createRoadmapFrom(
  store: Store,
  doc: Y.Doc,
  title: string,
): Promise<CreatedRoadmap> {
  return createRoadmapFromState(
    store,
    { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) },
    readMeta(doc).title || title,
  )
}

/** Stores a new roadmap with an encoded document state (an import built off the loop). */
export async function createRoadmapFromState(
  store: Store,
  doc: { state: Uint8Array; stateVector: Uint8Array },
  name: string,
): Promise<CreatedRoadmap> {
  const id = newId()
  const at = Date.now()
  const owner = newLink(id, ROLE.owner, 'Owner link', null, at)
  const editor = newLink(id, ROLE.editor, 'Default editor link', null, at)
  const viewer = newLink(id, ROLE.viewer, 'Default viewer link', null, at)
  await store.createRoadmap({
    roadmap: { id, title: name, createdAt: at, updatedAt: at },
    links: [owner.link, editor.link, viewer.link],
    state: doc.state,
    stateVector: doc.stateVector,
  })
  return {
    id,
    title: name,
    ownerToken: owner.token,
    editorToken: editor.token,
    viewerToken: viewer.token,
  }
}

/** A new roadmap, empty (titled `title`) or filled by `fill`. */
export async function createRoadmap(
  store: Store,
  title: string,
  fill?: (doc: Y.Doc) => void,
): Promise<CreatedRoadmap> {
  const doc = new Y.Doc(SERVER_DOC)
  try {
    if (fill) fill(doc)
    else new Roadmap(doc, { origin: ORIGIN.create }).init({ title })
    return await createRoadmapFrom(store, doc, title)
  } finally {
    doc.destroy()
  }
}
