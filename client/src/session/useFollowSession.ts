// Following the facilitator: when the current topic changes, everyone who follows has its
// entity focused (a feature's panel opens). One key (F) steps out of following and back in.
import { useEffect, useRef, useState } from 'react'
import type { PlanningSession, Topic } from '@meridian/model'

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))

export function useFollowSession(
  session: PlanningSession | null,
  isFacilitator: boolean,
  onFocus: (topic: Topic) => void,
) {
  const [following, setFollowing] = useState(true)
  const focus = useRef(onFocus)
  focus.current = onFocus
  const topic = session?.agenda.find((t) => t.id === session.currentTopicId) ?? null
  const focusKey = topic ? `${topic.id}@${session?.topicStartedAt ?? ''}` : null

  useEffect(() => {
    // The facilitator's own moves focus for them too; a follower only while following.
    if (!topic || (!following && !isFacilitator)) return
    focus.current(topic)
    // `focusKey` changes when the facilitator moves on (or restarts the topic).
  }, [focusKey, following, isFacilitator])

  useEffect(() => {
    if (!session) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'f' || e.ctrlKey || e.metaKey || e.altKey || typing(e.target))
        return
      e.preventDefault()
      setFollowing((f) => !f)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [session !== null])

  return { following, setFollowing, topic }
}
