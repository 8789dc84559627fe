// The feature description: a collaborative Tiptap editor bound to the feature's own
// Y.XmlFragment, with everyone's carets. Loaded on demand (Tiptap is large).
import { useEditor, EditorContent } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { Roadmap } from '@meridian/model'
import { useRichTextTooDeep } from '../lib/useRichTextTooDeep.js'
import { caretAwareness } from '../sync/presenceState.js'
import { DeepRichText } from '../ui/DeepRichText.js'
import type { PresenceUser } from '../sync/presenceTypes.js'
import './editor.css'

export interface DescriptionEditorProps {
  roadmap: Roadmap
  fragment: Y.XmlFragment
  provider: WebsocketProvider
  user: PresenceUser
  readOnly: boolean
}

/** The editor, or the text with a notice when it nests deeper than Tiptap can open. */
export default function DescriptionEditor(props: DescriptionEditorProps) {
  const tooDeep = useRichTextTooDeep(props.fragment)
  return tooDeep ? (
    <DeepRichText roadmap={props.roadmap} fragment={props.fragment} readOnly={props.readOnly} />
  ) : (
    <BoundDescriptionEditor {...props} />
  )
}

function BoundDescriptionEditor({ fragment, provider, user, readOnly }: DescriptionEditorProps) {
  const editor = useEditor(
    {
      editable: !readOnly,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({
          provider: { awareness: caretAwareness(provider.awareness) },
          user,
        }),
      ],
      editorProps: {
        attributes: {
          class: 'rich-text',
          'aria-label': 'Feature description',
          role: 'textbox',
          'aria-multiline': 'true',
          ...(readOnly ? { 'aria-readonly': 'true' } : {}),
          'data-placeholder': readOnly
            ? ''
            : 'Describe the problem, the outcome and how you will know it worked…',
        },
      },
    },
    [fragment, provider, readOnly],
  )
  return (
    <EditorContent editor={editor} className={`editor${readOnly ? ' editor--readonly' : ''}`} />
  )
}
