// A comment's text with the people it mentions highlighted (`@Name` as stored in `mentions`).
import type { ReactNode } from 'react'
import type { Mention } from '@meridian/model'

export function MentionText({ text, mentions }: { text: string; mentions: readonly Mention[] }) {
  if (mentions.length === 0) return <>{text}</>
  const names = [...new Set(mentions.map((m) => m.name))].sort((a, b) => b.length - a.length)
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const pattern = new RegExp(`(^|\\s)@(${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
  const parts: ReactNode[] = []
  let last = 0
  for (const m of text.matchAll(pattern)) {
    const at = m.index + m[1].length
    parts.push(text.slice(last, at))
    parts.push(
      <mark key={at} className="mention">
        @{m[2]}
      </mark>,
    )
    last = at + 1 + m[2].length
  }
  parts.push(text.slice(last))
  return <>{parts}</>
}
