// `@` mentions: who can be mentioned, what is being typed after an `@`, and which people a
// comment's text names. Pure text functions, for the comment box and for what is stored.

import type { Mention } from './comment-schema.js'
import { COMMENT_LIMITS } from './comment-schema.js'
import { RESOURCE_KIND } from './schema.js'
import type { RoadmapData } from './schema.js'

/** The longest `@query` the picker follows (names are short). */
const MAX_QUERY = 40

/**
 * The people `@` offers: the roadmap's resources of kind person, then the names of people
 * who joined (`joined`) that are not already among them; each name once, by name.
 */
export function mentionPeople(data: RoadmapData, joined: readonly string[] = []): Mention[] {
  const people = new Map<string, Mention>()
  for (const resource of data.resources) {
    const name = resource.name.trim()
    if (resource.kind !== RESOURCE_KIND.person || !usable(name)) continue
    if (!people.has(name.toLowerCase())) {
      people.set(name.toLowerCase(), { name, resourceId: resource.id })
    }
  }
  for (const raw of joined) {
    const name = raw.trim()
    if (usable(name) && !people.has(name.toLowerCase())) people.set(name.toLowerCase(), { name })
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name))
}

function usable(name: string): boolean {
  return name !== '' && name.length <= COMMENT_LIMITS.name
}

/** The `@query` typed just before `caret`, or null when the caret is not in one. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret)
  const at = before.lastIndexOf('@')
  if (at < 0 || (at > 0 && !/\s/.test(before[at - 1]!))) return null
  const query = before.slice(at + 1)
  if (query.length > MAX_QUERY || /\n/.test(query) || /^\s/.test(query)) return null
  return { start: at, query }
}

/** People whose name starts with the query, then those with a word starting with it. */
export function matchPeople(people: readonly Mention[], query: string, limit = 8): Mention[] {
  const q = query.toLowerCase()
  const starts = people.filter((p) => p.name.toLowerCase().startsWith(q))
  const words = people.filter(
    (p) =>
      !p.name.toLowerCase().startsWith(q) &&
      p.name
        .toLowerCase()
        .split(/\s+/)
        .some((word) => word.startsWith(q)),
  )
  return [...starts, ...words].slice(0, limit)
}

/** The text with the `@query` at `start`…`caret` replaced by `@Name `, and the new caret. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  person: Mention,
): { text: string; caret: number } {
  const inserted = `@${person.name} `
  return {
    text: text.slice(0, start) + inserted + text.slice(caret),
    caret: start + inserted.length,
  }
}

/**
 * The people the text mentions: every `@Name` (at the start or after a space, not followed
 * by a letter or digit) naming one of `people`, the longest name first; each person once,
 * in order of first mention.
 */
export function parseMentions(text: string, people: readonly Mention[]): Mention[] {
  const byLength = [...people].sort((a, b) => b.name.length - a.name.length)
  const lower = text.toLowerCase()
  const found = new Map<string, Mention>()
  for (let at = lower.indexOf('@'); at >= 0; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && !/\s/.test(lower[at - 1]!)) continue
    const person = byLength.find((p) => {
      const name = p.name.toLowerCase()
      const after = lower[at + 1 + name.length]
      return (
        name !== '' &&
        lower.startsWith(name, at + 1) &&
        (after === undefined || !/[\p{L}\p{N}]/u.test(after))
      )
    })
    if (!person) continue
    const key = person.resourceId ?? `name:${person.name.toLowerCase()}`
    if (!found.has(key) && found.size < COMMENT_LIMITS.mentions) {
      found.set(
        key,
        person.resourceId
          ? { name: person.name, resourceId: person.resourceId }
          : { name: person.name },
      )
    }
  }
  return [...found.values()]
}

/** Whether a stored mention names `person` (the resource when both have one, else the name). */
export function mentions(mention: Mention, person: Mention): boolean {
  if (mention.resourceId !== undefined && person.resourceId !== undefined) {
    return mention.resourceId === person.resourceId
  }
  return mention.name.toLowerCase() === person.name.toLowerCase()
}
