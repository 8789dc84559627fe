// Who "I" am in this browser: a display name and colour, remembered in localStorage.
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
}

function random<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)]
}

export function loadLocalUser(): LocalUser {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<LocalUser> | null
    if (raw && typeof raw.name === 'string' && typeof raw.color === 'string')
      return { name: raw.name, color: raw.color }
  } catch {
    // fall through to a fresh identity
  }
  const user = { name: `${random(ADJECTIVES)} ${random(ANIMALS)}`, color: random(PERSON_COLORS) }
  saveLocalUser(user)
  return user
}

export function saveLocalUser(user: LocalUser): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(user))
  } catch {
    // private mode: the identity lasts for this page only
  }
}
