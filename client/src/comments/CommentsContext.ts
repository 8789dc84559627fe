// What the comment views of a roadmap share: the writer (null when this tab may not write, or
// does not know its link yet), who "I" am, whether I moderate, and how to open an entity's
// thread. Made once per session in `useCommentsSetup`; the comments themselves are read with
// `useCommentsData`, so a change re-renders only what reads them.
import { createContext, useContext } from 'react'
import type * as Y from 'yjs'
import type { CommentAuthor, Comments, Mention } from '@meridian/model'
import type { CommentTarget } from './entityLabel.js'

export interface CommentsContextValue {
  roadmapId: string
  doc: Y.Doc
  writer: Comments | null
  author: CommentAuthor | null
  /** Editors and owners may resolve any thread; commenters their own. */
  moderator: boolean
  /** The people `@` offers right now (resources of kind person, people who joined). */
  people(): Mention[]
  /** Show an entity's comments: the feature panel for a feature, the comments panel else. */
  open(target: CommentTarget): void
}

export const CommentsContext = createContext<CommentsContextValue | null>(null)

export function useCommentsContext(): CommentsContextValue | null {
  return useContext(CommentsContext)
}
