// A comment box with `@` mentions: typing `@` offers the roadmap's people (arrow keys, Enter or
// Tab to pick, Escape to dismiss); Ctrl/Cmd+Enter posts. What is posted names the mentioned
// people as the model parses them from the text.
import { useId, useRef, useState } from 'react'
import { insertMention, matchPeople, mentionQuery, parseMentions } from '@meridian/model'
import type { CommentInput, Mention } from '@meridian/model'
import { Button } from '../ui/Button.js'
import { Avatar } from '../ui/Avatar.js'
import { personColor } from './personColor.js'

export function Composer({
  people,
  placeholder,
  submitLabel,
  initial = '',
  autoFocus = false,
  onSubmit,
  onCancel,
}: {
  people(): Mention[]
  placeholder: string
  submitLabel: string
  initial?: string
  autoFocus?: boolean
  /** false when nothing was written (the text stays) */
  onSubmit(input: CommentInput): boolean
  onCancel?(): void
}) {
  const [text, setText] = useState(initial)
  const [query, setQuery] = useState<{ start: number; caret: number; matches: Mention[] } | null>(
    null,
  )
  const [active, setActive] = useState(0)
  const ref = useRef<HTMLTextAreaElement>(null)
  const listId = useId()

  const refresh = (value: string, caret: number) => {
    const q = mentionQuery(value, caret)
    const matches = q ? matchPeople(people(), q.query) : []
    setQuery(q && matches.length > 0 ? { start: q.start, caret, matches } : null)
    setActive(0)
  }
  const pick = (person: Mention) => {
    if (!query) return
    const next = insertMention(text, query.start, query.caret, person)
    setText(next.text)
    setQuery(null)
    requestAnimationFrame(() => {
      ref.current?.focus()
      ref.current?.setSelectionRange(next.caret, next.caret)
    })
  }
  const submit = () => {
    if (!text.trim()) return
    if (onSubmit({ text, mentions: parseMentions(text, people()) })) {
      setText('')
      setQuery(null)
    }
  }

  return (
    <div className="composer">
      <textarea
        ref={ref}
        className="textarea composer__input"
        value={text}
        rows={2}
        placeholder={placeholder}
        aria-label={placeholder}
        autoFocus={autoFocus}
        role="combobox"
        aria-expanded={query !== null}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={query ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          setText(e.target.value)
          refresh(e.target.value, e.target.selectionStart)
        }}
        onKeyDown={(e) => {
          if (query) {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault()
              const n = query.matches.length
              setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n)
              return
            }
            if (e.key === 'Enter' || e.key === 'Tab') {
              e.preventDefault()
              pick(query.matches[active])
              return
            }
            if (e.key === 'Escape') {
              e.preventDefault()
              e.stopPropagation()
              setQuery(null)
              return
            }
          }
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault()
            submit()
          } else if (e.key === 'Escape' && onCancel) {
            e.stopPropagation()
            onCancel()
          }
        }}
        onBlur={() => setQuery(null)}
      />
      {query ? (
        <ul className="mention-list" id={listId} role="listbox" aria-label="People">
          {query.matches.map((p, i) => (
            <li
              key={`${p.resourceId ?? ''}:${p.name}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`mention-list__item${i === active ? ' mention-list__item--active' : ''}`}
              // mousedown, not click: the textarea must not blur (and drop the list) first
              onMouseDown={(e) => {
                e.preventDefault()
                pick(p)
              }}
            >
              <Avatar name={p.name} color={personColor(p.name)} size="sm" />
              <span className="mention-list__name">{p.name}</span>
              {p.resourceId ? <span className="mention-list__hint">Resource</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="composer__actions">
        <span className="composer__hint">
          <span className="kbd">@</span> to mention · <span className="kbd">Ctrl</span>{' '}
          <span className="kbd">Enter</span> to send
        </span>
        {onCancel ? (
          <Button size="sm" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button size="sm" variant="primary" disabled={!text.trim()} onClick={submit}>
          {submitLabel}
        </Button>
      </div>
    </div>
  )
}
