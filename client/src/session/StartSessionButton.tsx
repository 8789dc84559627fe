// "Start session" in the top bar, for owners and editors, while no session runs.
import type { Session } from '../sync/session.js'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import { useHasActiveSession } from './SessionLayer.js'

export function StartSessionButton({ session, onStart }: { session: Session; onStart(): void }) {
  if (useHasActiveSession(session)) return null
  return (
    <Button variant="ghost" onClick={onStart} title="Run a planning session in this roadmap">
      <Icon name="users" size={15} /> Start session
    </Button>
  )
}
