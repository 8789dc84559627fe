// Who attended, beyond those who wrote: viewer links cannot write to the document, so the
// facilitator's client records the names it sees in presence during the session. One person
// is one name here: a name already attending (however it was recorded) is not added again.

import { SESSION_LIMITS } from './sessionSchema.js'
import type { Person, PlanningSession } from './sessionSchema.js'

const norm = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase()

/** The key a name seen in presence is recorded under. */
export const seenKey = (name: string) => `seen:${norm(name)}`

/**
 * The people to record for the names seen now: new names only, deduplicated, within the
 * session's attendee limit. Empty when the session has ended.
 */
export function attendeesFromPresence(
  session: Pick<PlanningSession, 'attendees' | 'endedAt'>,
  names: Iterable<string>,
): Person[] {
  if (session.endedAt !== null) return []
  const known = new Set(session.attendees.map((p) => norm(p.name)))
  const room = SESSION_LIMITS.attendees - session.attendees.length
  const people: Person[] = []
  for (const raw of names) {
    if (people.length >= room) break
    const name = raw.trim().replace(/\s+/g, ' ').slice(0, SESSION_LIMITS.title)
    if (!name || known.has(norm(name))) continue
    known.add(norm(name))
    people.push({ key: seenKey(name), name })
  }
  return people
}

/** Attendee names for the recap: each person once (by name), in the stored order. */
export function attendeeNames(attendees: readonly Person[]): string[] {
  const seen = new Set<string>()
  const names: string[] = []
  for (const person of attendees) {
    if (seen.has(norm(person.name))) continue
    seen.add(norm(person.name))
    names.push(person.name)
  }
  return names
}
