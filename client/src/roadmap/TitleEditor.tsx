import { useEffect, useState } from 'react'

/** The roadmap title; editors rename it in place (Enter or blur saves, Escape cancels). */
export function TitleEditor({
  title,
  readOnly,
  onRename,
}: {
  title: string
  readOnly: boolean
  onRename(title: string): void
}) {
  const [draft, setDraft] = useState(title)
  useEffect(() => setDraft(title), [title])
  if (readOnly) return <h1 className="topbar__title">{title || 'Untitled roadmap'}</h1>
  return (
    <input
      className="topbar__title topbar__title--edit"
      aria-label="Roadmap title"
      value={draft}
      placeholder="Untitled roadmap"
      size={Math.max(12, Math.min(40, draft.length + 1))}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        const next = draft.trim()
        if (next && next !== title) onRename(next)
        else setDraft(title)
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur()
        if (e.key === 'Escape') {
          setDraft(title)
          e.currentTarget.blur()
        }
      }}
    />
  )
}
