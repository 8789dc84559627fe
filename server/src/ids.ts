import { randomBytes } from 'node:crypto'
import { nanoid } from 'nanoid'

/** Ids of roadmaps, links and snapshots: 16 url-safe characters (96 bits). */
export const newId = (): string => nanoid(16)

export { ID_PATTERN } from '@meridian/protocol'

/** A secret token: 192 random bits, url-safe. */
export const newToken = (): string => randomBytes(24).toString('base64url')
