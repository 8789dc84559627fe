// The roadmap's vision and strategy as one collaborative Tiptap document: the
// `strategy` Y.XmlFragment, live carets from awareness, read-only for viewers.
import { useEffect } from 'react'
import { useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type { Awareness } from 'y-protocols/awareness'
import type { Roadmap } from '@meridian/model'
import { caretAwareness } from '../../sync/presenceState.js'
import type { PresenceState } from '../../sync/presenceTypes.js'

export function useStrategyEditor(roadmap: Roadmap, awareness: Awareness, readOnly: boolean) {
  const local = awareness.getLocalState() as Partial<PresenceState> | null
  // The caret extension publishes `user`: hand it the shell's whole user (role included).
  const user = local?.user ?? { name: 'Someone', color: '#64748b', role: 'viewer' }
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ fragment: roadmap.strategy() }),
        CollaborationCaret.configure({
          provider: { awareness: caretAwareness(awareness) },
          user: { ...user },
        }),
      ],
      editable: !readOnly,
      editorProps: {
        attributes: {
          class: 'st-prose',
          'aria-label': 'Vision and strategy',
          'data-testid': 'strategy-editor',
        },
      },
    },
    [roadmap, awareness],
  )
  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly)
  }, [editor, readOnly])
  return editor
}
