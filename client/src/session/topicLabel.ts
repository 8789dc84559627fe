// How a topic, a decision or a vote option is named on screen.
import { subjectTitle, TOPIC_KIND } from '@meridian/model'
import type { RoadmapData, Topic, TopicKind } from '@meridian/model'

export const TOPIC_KIND_LABEL: Record<TopicKind, string> = {
  [TOPIC_KIND.feature]: 'Feature',
  [TOPIC_KIND.goal]: 'Goal',
  [TOPIC_KIND.risk]: 'Risk',
  [TOPIC_KIND.lane]: 'Lane',
  [TOPIC_KIND.text]: 'Topic',
}

export function topicTitle(data: RoadmapData, topic: Topic): string {
  const subject = subjectTitle(data, topic.kind, topic.ref)
  return subject || topic.text || 'Untitled topic'
}

/** The entities a topic of `kind` may refer to, as select options. */
export function refChoices(
  data: RoadmapData,
  kind: TopicKind,
): Array<{ id: string; label: string }> {
  switch (kind) {
    case TOPIC_KIND.feature:
      return data.features.map((f) => ({ id: f.id, label: f.title || 'Untitled feature' }))
    case TOPIC_KIND.goal:
      return data.goals.map((g) => ({ id: g.id, label: g.title || 'Untitled goal' }))
    case TOPIC_KIND.risk:
      return data.risks.map((r) => ({ id: r.id, label: r.title || 'Untitled risk' }))
    case TOPIC_KIND.lane:
      return data.lanes.map((l) => ({ id: l.id, label: l.name || 'Untitled lane' }))
    case TOPIC_KIND.text:
      return []
    default: {
      const never: never = kind
      return never
    }
  }
}
