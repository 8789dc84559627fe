import { Suspense } from 'react'
import { PageLoading } from '../ui/PageLoading.js'
import { EmptyState } from '../ui/EmptyState.js'
import { ViewErrorBoundary } from './ViewErrorBoundary.js'
import { VIEWS, viewComponent } from '../views/viewRegistry.js'
import type { ViewId } from '../views/viewRegistry.js'
import type { ShellViewProps } from '../views/shellViewProps.js'

export function ViewHost({ view, props }: { view: ViewId; props: ShellViewProps }) {
  const View = viewComponent(view)
  const label = VIEWS.find((v) => v.id === view)?.label ?? view
  return (
    <section className="view-host" id="view-panel" role="tabpanel" aria-labelledby={`tab-${view}`}>
      <ViewErrorBoundary resetKey={view}>
        {View ? (
          <Suspense fallback={<PageLoading label={`Loading ${label}…`} />}>
            <View {...props} />
          </Suspense>
        ) : (
          <EmptyState icon="layers" title={`${label} is not part of this build`} />
        )}
      </ViewErrorBoundary>
    </section>
  )
}
