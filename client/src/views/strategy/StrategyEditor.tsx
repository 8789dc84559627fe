import { EditorContent } from '@tiptap/react'
import type { Awareness } from 'y-protocols/awareness'
import type { Roadmap } from '@meridian/model'
import { Toolbar } from './Toolbar.js'
import { useStrategyEditor } from './useStrategyEditor.js'

export function StrategyEditor({
  roadmap,
  awareness,
  readOnly,
}: {
  roadmap: Roadmap
  awareness: Awareness
  readOnly: boolean
}) {
  const editor = useStrategyEditor(roadmap, awareness, readOnly)
  return (
    <>
      {!readOnly && editor && <Toolbar editor={editor} />}
      <EditorContent editor={editor} className="st-content" />
      {editor?.isEmpty && readOnly && (
        <p className="st-empty pv-muted">No vision or strategy written yet.</p>
      )}
    </>
  )
}
