import { randomBytes } from 'node:crypto'
import { nanoid } from 'nanoid'

/** Ids of roadmaps, links and snapshots: 16 url-safe characters (96 bits). */
export const newId = (): string => nanoid(16)

/** Strict shape of an id taken from a URL path. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/

/** A secret token: 192 random bits, url-safe. */
export const newToken = (): string => randomBytes(24).toString('base64url')
