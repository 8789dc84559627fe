// Saving a recap as a Markdown file, named after the session and its day.
import { recapToMarkdown } from '@meridian/model'
import type { SessionRecap } from '@meridian/model'

export function downloadRecap(recap: SessionRecap): void {
  const blob = new Blob([recapToMarkdown(recap)], { type: 'text/markdown;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  const slug = recap.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  a.download = `${slug || 'session'}-${recap.startedAt.slice(0, 10)}.md`
  a.click()
  URL.revokeObjectURL(url)
}
