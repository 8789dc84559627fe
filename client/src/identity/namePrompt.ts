// Asking a person for their name, once per browser: at their first edit, or before an
// acceptance (which records who accepted). One prompt per page; whoever asks while it is open
// waits for the same answer. Declining ("Not now") holds for this page: the browser's
// pseudonym stays in use and nothing is sent as `?name=`.
import { useSyncExternalStore } from 'react'
import { loadLocalUser, saveLocalUser } from '../sync/localUser.js'

let open = false
let declined = false
/** a personal link's person (set while such a roadmap is open): never asked */
let fixedName: string | null = null
let waiting: ((name: string | null) => void)[] = []
const listeners = new Set<() => void>()
const changed = (): void => {
  for (const l of [...listeners]) l()
}

export function setFixedName(name: string | null): void {
  fixedName = name
}

/** Whether asking would show the prompt (the person has not given a name, nor declined). */
export function needsName(): boolean {
  return fixedName === null && !declined && !loadLocalUser().named
}

/** The person's name: asked for when needed; null when they declined. */
export function askName(): Promise<string | null> {
  if (fixedName !== null) return Promise.resolve(fixedName)
  const user = loadLocalUser()
  if (user.named) return Promise.resolve(user.name)
  if (declined) return Promise.resolve(null)
  return new Promise((resolve) => {
    waiting.push(resolve)
    if (!open) {
      open = true
      changed()
    }
  })
}

/** The prompt's answer: a name to keep, or null for "Not now". */
export function answerName(name: string | null): void {
  if (name !== null) saveLocalUser({ ...loadLocalUser(), name, named: true })
  else declined = true
  open = false
  const resolve = waiting
  waiting = []
  for (const r of resolve) r(name)
  changed()
}

const subscribe = (l: () => void): (() => void) => {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** Whether the prompt is open. */
export const useNamePromptOpen = (): boolean => useSyncExternalStore(subscribe, () => open)
