// Live connection counts as the owner reads them. The server counts every socket on a
// link, this tab's own included; the owner wants to know who *else* is there.
import { plural } from '../lib/plural.js'
import type { ShareLink } from '../sync/api.js'

/** Sockets on a link other than this tab's own (`current`: the link this tab uses). */
export function othersOn(link: Pick<ShareLink, 'connections'>, current: boolean): number {
  return current ? Math.max(0, link.connections - 1) : link.connections
}

/** A link's count: "Only you" / "You + 2 others" on this tab's link, "3 connected" elsewhere. */
export function connectionLabel(link: Pick<ShareLink, 'connections'>, current: boolean): string {
  if (!current) return `${link.connections} connected`
  const others = othersOn(link, current)
  return others === 0 ? 'Only you' : `You + ${plural(others, 'other')}`
}

/** The dialog's summary: everyone connected through the links, not counting this tab. */
export function othersSummary(links: ShareLink[], isCurrent: (link: ShareLink) => boolean): string {
  const others = links.reduce((sum, l) => sum + othersOn(l, isCurrent(l)), 0)
  return others === 0
    ? 'No one else is connected'
    : `${plural(others, 'other person', 'other people')} connected`
}
