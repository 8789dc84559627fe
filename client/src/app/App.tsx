import { lazy, Suspense } from 'react'
import { parseRoute } from './router.js'
import { useHref } from '../lib/navigation.js'
import { HomePage } from '../home/HomePage.js'
import { RoadmapPage } from '../roadmap/RoadmapPage.js'
import { FullPageMessage } from '../ui/FullPageMessage.js'
import { PageLoading } from '../ui/PageLoading.js'

const EmbedPage = lazy(() =>
  import('../roadmap/EmbedPage.js').then((m) => ({ default: m.EmbedPage })),
)

export function App() {
  const route = parseRoute(useHref())
  switch (route.page) {
    case 'home':
      return <HomePage />
    case 'roadmap':
      return (
        <RoadmapPage
          key={`${route.id}:${route.token}`}
          id={route.id}
          token={route.token}
          view={route.view}
        />
      )
    case 'embed':
      return (
        <Suspense fallback={<PageLoading />}>
          <EmbedPage key={`${route.id}:${route.token}`} id={route.id} token={route.token} />
        </Suspense>
      )
    case 'not-found':
      return (
        <FullPageMessage
          icon="alert"
          title="Page not found"
          body="There is nothing at this address."
        />
      )
    default: {
      const unreachable: never = route
      return unreachable
    }
  }
}
