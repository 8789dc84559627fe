import type { ViewProps } from '../types.js'
import { ViewHeader } from '../planning/ViewHeader.js'
import { DeepRichText } from '../../ui/DeepRichText.js'
import { StrategyEditor } from './StrategyEditor.js'
import { useRichTextTooDeep } from '../../lib/useRichTextTooDeep.js'
import '../planning/planning.css'
import './strategy.css'

export default function StrategyView(props: ViewProps) {
  const { roadmap, awareness, readOnly, loaded } = props
  const fragment = roadmap.strategy()
  const tooDeep = useRichTextTooDeep(fragment)
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
          {tooDeep ? (
            <DeepRichText
              roadmap={roadmap}
              fragment={fragment}
              readOnly={readOnly}
              className="st-content"
            />
          ) : loaded ? (
            <StrategyEditor roadmap={roadmap} awareness={awareness} readOnly={readOnly} />
          ) : (
            // No editor on the empty document before the roadmap arrives (ViewProps.loaded).
            <div className="st-loading" role="status" aria-label="Loading the strategy">
              <div className="spinner" />
            </div>
          )}
        </article>
      </div>
    </div>
  )
}
