import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import type { OpenVersion } from './useHistory.js'
import { versionTime } from './versionLabel.js'

/** Marks every view as showing a past version, read-only, with the way back. */
export function VersionBanner({ version, onBack }: { version: OpenVersion; onBack(): void }) {
  const { snapshot } = version
  return (
    <div className="version-banner" role="status">
      <Icon name="clock" size={14} />
      <span>
        Viewing version of <strong>{versionTime(snapshot.createdAt)}</strong>
        {snapshot.kind === 'named' ? ` — ${snapshot.name}` : ''} · read-only
      </span>
      <Button size="sm" variant="primary" onClick={onBack}>
        Back to now
      </Button>
    </div>
  )
}
