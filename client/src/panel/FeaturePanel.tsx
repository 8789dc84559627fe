import type { Feature } from '@meridian/model'
import type { ShellViewProps } from '../roadmap/shellViewProps.js'

export function FeaturePanel({ feature, onClose }: { feature: Feature; viewProps: ShellViewProps; onClose(): void }) {
  return (
    <aside className="panel" aria-label={`Feature: ${feature.title}`}>
      <button type="button" onClick={onClose}>Close</button>
    </aside>
  )
}
