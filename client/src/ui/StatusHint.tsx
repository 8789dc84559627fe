import { STATUS_HINT_LABEL } from '@meridian/model'
import type { FeatureStatus, StatusHint as Hint } from '@meridian/model'

const TARGET: Record<Hint, FeatureStatus> = {
  'mark-done': 'done',
  'mark-in-progress': 'in-progress',
}

/**
 * The model's prompt when a feature's items and its status disagree (`statusHintOf`):
 * a button that sets the status for editors, plain text for viewers.
 */
export function StatusHint({
  hint,
  onApply,
}: {
  hint: Hint | null
  onApply?: (status: FeatureStatus) => void
}) {
  if (hint === null) return null
  const { prompt } = STATUS_HINT_LABEL[hint]
  if (!onApply) {
    return (
      <span className="badge badge--hint" data-testid="status-hint">
        {prompt}
      </span>
    )
  }
  return (
    <button
      type="button"
      className="badge badge--hint badge--action"
      data-testid="status-hint"
      title="The status is set by hand; this sets it for everyone"
      onClick={() => onApply(TARGET[hint])}
    >
      {prompt}
    </button>
  )
}
