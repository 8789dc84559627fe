// The comments context of a workspace. Comments are written under the link this tab joined
// with and the name it sent (`Session.name`, followed across renames): the server stamps
// exactly that pair on a commenter's comments and refuses any other. They use their own
// origin, which no undo manager tracks (the session's tracks only its local edit origin,
// and not the comments root).
import { useMemo, useRef, useSyncExternalStore } from 'react'
import { Comments, mentionPeople } from '@meridian/model'
import type { RoadmapData } from '@meridian/model'
import { atLeast } from '@meridian/protocol'
import type { Session } from '../sync/session.js'
import type { Role } from '../views/types.js'
import type { CommentsContextValue } from './CommentsContext.js'
import type { CommentTarget } from './entityLabel.js'

export function useCommentsSetup(
  session: Session,
  role: Role,
  linkId: string | null,
  data: RoadmapData,
  open: (target: CommentTarget) => void,
): CommentsContextValue {
  const dataRef = useRef(data)
  dataRef.current = data
  const openRef = useRef(open)
  openRef.current = open
  const name = useSyncExternalStore(
    (changed) => session.onNameChange(changed),
    () => session.name,
  )
  return useMemo(() => {
    const author = linkId ? { linkId, name } : null
    const mayWrite = author !== null && atLeast(role, 'commenter')
    const writer = mayWrite
      ? new Comments(session.doc, {
          origin: { kind: 'comments', session: String(session.doc.clientID) },
          author,
        })
      : null
    return {
      roadmapId: session.id,
      doc: session.doc,
      writer,
      author,
      moderator: atLeast(role, 'editor'),
      people: () => {
        const joined: string[] = []
        for (const [clientId, state] of session.awareness.getStates()) {
          if (clientId === session.awareness.clientID) continue
          const name = (state as { user?: { name?: unknown } }).user?.name
          if (typeof name === 'string' && name.trim()) joined.push(name)
        }
        return mentionPeople(dataRef.current, joined)
      },
      open: (target) => openRef.current(target),
    }
  }, [session, role, linkId, name])
}
