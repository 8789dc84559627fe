// The activity of a roadmap for this person: latest comments and thread resolutions, the
// comments mentioning them, and what is unread since they last looked (kept in this browser).
import { useCallback, useMemo, useState } from 'react'
import { activityFeed, mentionsOf } from '@meridian/model'
import type { ActivityEntry, CommentsData, Thread } from '@meridian/model'
import type { CommentsContextValue } from './CommentsContext.js'
import { useCommentsData } from './useCommentsData.js'
import { isUnread, loadSeen, saveSeen } from './unread.js'

export type ActivityItem =
  | { kind: 'comment'; at: string; entry: ActivityEntry; unread: boolean }
  | { kind: 'resolution'; at: string; thread: Thread }

export interface Activity {
  items: ActivityItem[]
  mentions: ActivityItem[]
  unread: number
  unreadMentions: number
  markRead(): void
}

const LIMIT = 50

function resolutions(data: CommentsData): ActivityItem[] {
  const list: ActivityItem[] = []
  for (const thread of data.threads)
    if (thread.resolvedAt) list.push({ kind: 'resolution', at: thread.resolvedAt, thread })
  return list
}

export function useActivity(ctx: CommentsContextValue): Activity {
  const data = useCommentsData(ctx.doc)
  const name = ctx.author?.name ?? ''
  const [seen, setSeen] = useState(() => loadSeen(ctx.roadmapId, name))
  const markRead = useCallback(() => {
    const now = new Date().toISOString()
    saveSeen(ctx.roadmapId, name, now)
    setSeen(now)
  }, [ctx.roadmapId, name])
  return useMemo(() => {
    const asItem = (entry: ActivityEntry): ActivityItem => ({
      kind: 'comment',
      at: entry.comment.createdAt,
      entry,
      unread: isUnread(entry, seen, ctx.author),
    })
    const comments = activityFeed(data, LIMIT).map(asItem)
    const items = [...comments, ...resolutions(data)]
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .slice(0, LIMIT)
    const mentions = name ? mentionsOf(data, { name }).map(asItem) : []
    const unreadOf = (list: ActivityItem[]) =>
      list.filter((i) => i.kind === 'comment' && i.unread).length
    return {
      items,
      mentions,
      unread: unreadOf(comments),
      unreadMentions: unreadOf(mentions),
      markRead,
    }
  }, [data, seen, ctx.author, name, markRead])
}
