import { lazy, Suspense, useEffect, useRef } from 'react'
import type { Feature, FeatureId } from '@meridian/model'
import type { ShellViewProps } from '../views/shellViewProps.js'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import { StatusBadge, HealthBadge } from '../ui/Badge.js'
import { localPresence } from '../sync/presence.js'
import { CommitInput } from './CommitInput.js'
import { FeatureFields } from './FeatureFields.js'
import { FeatureFacts } from './FeatureFacts.js'
import { FeatureSlips } from './FeatureSlips.js'
import { usePanelFields } from './usePanelFields.js'
import { takePanelFocus } from './panelFocus.js'
import { ThreadList } from '../comments/ThreadList.js'
import { FeatureSessionNotes } from '../session/FeatureSessionNotes.js'
import './panel.css'
import './fields.css'

const DescriptionEditor = lazy(() => import('./DescriptionEditor.js'))

export function FeaturePanel({
  feature,
  viewProps,
  onClose,
}: {
  feature: Feature
  viewProps: ShellViewProps
  onClose(): void
}) {
  const { roadmap, readOnly, data, session } = viewProps
  const fields = usePanelFields(data, feature)
  const fragment = roadmap.features.description(feature.id)
  const user = localPresence(session.awareness)?.user
  const lane = data.lanes.find((l) => l.id === feature.laneId)
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    const request = takePanelFocus(feature.id)
    const panel = ref.current
    if (!request || !panel) return
    const title = panel.querySelector<HTMLInputElement>('input.panel__title')
    if (!title) return panel.focus()
    title.focus()
    if (request.select) title.select()
  }, [feature.id])
  const close = () => {
    onClose()
    document.querySelector<HTMLElement>(`[data-feature-id="${CSS.escape(feature.id)}"]`)?.focus()
  }
  return (
    <aside
      ref={ref}
      className="panel"
      role="complementary"
      aria-label={`Feature details: ${feature.title}`}
      data-testid="feature-panel"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.stopPropagation()
        // Escape leaves the description first (to the panel), so a second one closes it.
        if ((e.target as HTMLElement).closest('.ProseMirror')) e.currentTarget.focus()
        else close()
      }}
    >
      <header className="panel__header">
        <div className="panel__crumbs">
          {lane ? (
            <span className="panel__lane">
              <span className="panel__lane-dot" style={{ background: lane.color }} /> {lane.name}
            </span>
          ) : (
            <span className="panel__lane panel__lane--missing">No lane</span>
          )}
          <StatusBadge status={feature.status} />
          <HealthBadge health={feature.health} />
        </div>
        <Button variant="ghost" icon size="sm" aria-label="Close feature panel" onClick={close}>
          <Icon name="x" />
        </Button>
      </header>
      <div className="panel__scroll">
        {readOnly ? (
          <h2 className="panel__title panel__title--static">
            {feature.title || 'Untitled feature'}
          </h2>
        ) : (
          <CommitInput
            className="panel__title"
            aria-label="Feature title"
            value={feature.title}
            placeholder="Feature title"
            onCommit={(title) => roadmap.features.update(feature.id, { title })}
          />
        )}
        <FeatureFacts feature={feature} fields={fields} />
        <FeatureSlips doc={viewProps.doc} feature={feature} />
        <FeatureFields feature={feature} viewProps={viewProps} fields={fields} />
        <section className="panel__section">
          <h3 className="panel__section-title">Description</h3>
          {fragment && user ? (
            <Suspense fallback={<div className="editor editor--loading" aria-busy="true" />}>
              <DescriptionEditor
                roadmap={roadmap}
                fragment={fragment}
                provider={session.provider}
                user={user}
                readOnly={readOnly}
              />
            </Suspense>
          ) : null}
        </section>
        <ThreadList target={{ kind: 'features', id: feature.id }} />
        <FeatureSessionNotes doc={session.doc} featureId={feature.id} />
        {readOnly ? null : (
          <footer className="panel__footer">
            <Button
              variant="danger"
              size="sm"
              onClick={() => {
                roadmap.features.delete(feature.id as FeatureId)
                onClose()
              }}
            >
              <Icon name="trash" size={14} /> Delete feature
            </Button>
            <span className="panel__hint">
              Undo with <span className="kbd">Ctrl</span> <span className="kbd">Z</span>
            </span>
          </footer>
        )}
      </div>
    </aside>
  )
}
