// What focusing a topic does in the shell: a feature opens its panel, a goal or risk opens
// its view, a lane the timeline; free text changes nothing.
import { TOPIC_KIND } from '@meridian/model'
import type { FeatureId, Topic } from '@meridian/model'
import type { ViewId } from '../views/viewRegistry.js'

interface Shell {
  openFeature(id: FeatureId): void
  setView(view: ViewId): void
}

export function focusTopic(topic: Topic, shell: Shell): void {
  switch (topic.kind) {
    case TOPIC_KIND.feature:
      if (topic.ref) shell.openFeature(topic.ref as FeatureId)
      return
    case TOPIC_KIND.goal:
      shell.setView('goals')
      return
    case TOPIC_KIND.risk:
      shell.setView('risks')
      return
    case TOPIC_KIND.lane:
      shell.setView('timeline')
      return
    case TOPIC_KIND.text:
      return
    default: {
      const never: never = topic.kind
      return never
    }
  }
}
