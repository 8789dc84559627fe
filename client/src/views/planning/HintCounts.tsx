import { STATUS_HINT_LABEL } from '@meridian/model'
import type { StatusHint } from '@meridian/model'
import { Icon } from '../../ui/Icon.js'

/** " · 3 all items accepted": the backlog's status prompts, counted (none: nothing shown). */
export function HintCounts({ counts }: { counts: Record<StatusHint, number> | undefined }) {
  if (!counts) return null
  const parts = (Object.keys(counts) as StatusHint[])
    .filter((hint) => counts[hint] > 0)
    .map((hint) => `${counts[hint]} ${STATUS_HINT_LABEL[hint].count}`)
  if (parts.length === 0) return null
  return (
    <span className="pv-hint" data-testid="status-hint-counts">
      {' · '}
      {parts.join(' · ')}
    </span>
  )
}

/** A small "?" that explains a figure's rule on hover and to screen readers. */
export function HowComputed({ text }: { text: string }) {
  return (
    <span className="pv-how" title={text} aria-label={`How this is computed: ${text}`} role="img">
      <Icon name="info" size={12} />
    </span>
  )
}
