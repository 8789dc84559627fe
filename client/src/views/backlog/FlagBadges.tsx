import type { BacklogEntry } from '@meridian/model'
import { Badge } from '../../ui/Badge.js'

/** Schedule and risk flags of a backlog entry, each a badge that says why on hover. */
export function FlagBadges({ entry }: { entry: BacklogEntry }) {
  const { flags } = entry
  return (
    <span className="bl-flags">
      {flags.late && (
        <Badge tone="danger" title={`Ended ${entry.end ?? ''} and not done`}>
          Late
        </Badge>
      )}
      {flags.blocked && (
        <Badge tone="warning" title="A dependency ends after this feature starts">
          Blocked
        </Badge>
      )}
      {flags.overloaded && (
        <Badge tone="danger" title="Someone on it is over capacity in a week of its window">
          Overloaded
        </Badge>
      )}
      {flags.risky && entry.worstRisk && (
        <Badge tone="warning" title={`${entry.worstRisk.title} (score ${entry.worstRisk.score})`}>
          Risk {entry.worstRisk.score}
        </Badge>
      )}
      {flags.dangling && (
        <Badge
          tone="info"
          title={entry.danglingRefs.map((r) => `${r.field}: ${r.missingId} is gone`).join('\n')}
        >
          Broken link
        </Badge>
      )}
    </span>
  )
}
