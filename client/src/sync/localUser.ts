// Who "I" am in this browser: a display name and colour, remembered in localStorage. A new
// browser starts with a random pseudonym; `named` says whether the person gave their name
// (asked once, at their first edit: identity/useNamePrompt.ts). Sessions follow changes
// (`onLocalUserChange`): the name travels as `?name=` on the WebSocket URL.
import { PERSON_COLORS } from '../ui/palette.js'

const KEY = 'meridian:user'
const ADJECTIVES = [
  'Amber',
  'Brisk',
  'Calm',
  'Clever',
  'Bold',
  'Lucid',
  'Nimble',
  'Quiet',
  'Sunny',
  'Swift',
]
const ANIMALS = [
  'Otter',
  'Heron',
  'Fox',
  'Lynx',
  'Falcon',
  'Badger',
  'Panda',
  'Marten',
  'Ibis',
  'Koala',
]

export interface LocalUser {
  name: string
  color: string
  /** the person chose this name (else it is the pseudonym this browser started with) */
  named: boolean
}

const listeners = new Set<(user: LocalUser) => void>()

/** Calls `listener` after every saveLocalUser in this page; returns the unsubscribe. */
export function onLocalUserChange(listener: (user: LocalUser) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function random<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)]
}

export function loadLocalUser(): LocalUser {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<LocalUser> | null
    if (raw && typeof raw.name === 'string' && typeof raw.color === 'string')
      return { name: raw.name, color: raw.color, named: raw.named === true }
  } catch {
    // fall through to a fresh identity
  }
  const user = {
    name: `${random(ADJECTIVES)} ${random(ANIMALS)}`,
    color: random(PERSON_COLORS),
    named: false,
  }
  store(user)
  return user
}

function store(user: LocalUser): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(user))
  } catch {
    // private mode: the identity lasts for this page only
  }
}

export function saveLocalUser(user: LocalUser): void {
  store(user)
  for (const listener of [...listeners]) listener(user)
}
