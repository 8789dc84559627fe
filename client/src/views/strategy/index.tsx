import { EditorContent } from '@tiptap/react'
import type { ViewProps } from '../types.js'
import { ViewHeader } from '../planning/ViewHeader.js'
import { Toolbar } from './Toolbar.js'
import { useStrategyEditor } from './useStrategyEditor.js'
import '../planning/planning.css'
import './strategy.css'

export default function StrategyView(props: ViewProps) {
  const { roadmap, awareness, readOnly } = props
  const editor = useStrategyEditor(roadmap, awareness, readOnly)
  return (
    <div className="pv st" data-testid="strategy-view">
      <div className="pv__inner st-inner">
        <ViewHeader
          title="Vision & strategy"
          view="strategy"
          awareness={awareness}
          readOnly={readOnly}
          subtitle={
            readOnly
              ? 'Why this roadmap exists and how it wins.'
              : 'One shared document: everyone edits it live. Why this roadmap exists and how it wins.'
          }
        />
        <article className="pv-card st-doc">
          {!readOnly && editor && <Toolbar editor={editor} />}
          <EditorContent editor={editor} className="st-content" />
          {editor?.isEmpty && readOnly && (
            <p className="st-empty pv-muted">No vision or strategy written yet.</p>
          )}
        </article>
      </div>
    </div>
  )
}
