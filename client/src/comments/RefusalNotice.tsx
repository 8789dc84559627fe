// Shown when the server refused a change of this tab's (a commenter writing more than its
// own comments, e.g. an edit made offline): nothing more is taken until the page reloads.
import { Button } from '../ui/Button.js'

export function RefusalNotice({ reason }: { reason: string }) {
  const comments = reason.startsWith('comments-only')
  return (
    <div className="toast refusal" role="alert" data-testid="refusal">
      <span>
        {comments
          ? 'The server did not accept a change: your link lets you write comments only.'
          : 'The server did not accept a change: your link is view-only.'}
      </span>
      {comments ? (
        <Button size="sm" onClick={() => window.location.reload()}>
          Reload
        </Button>
      ) : null}
    </div>
  )
}
