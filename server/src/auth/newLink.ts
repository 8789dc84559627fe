import { hashToken } from './tokens.js'
import { newId, newToken } from '../ids.js'
import type { LinkRecord, Role } from '../store/store.js'

/** A new share link and its token; only the token's hash is ever stored. */
export function newLink(
  roadmapId: string,
  role: Role,
  label: string | null,
  expiresAt: number | null,
  at: number,
  personName: string | null = null,
): { token: string; link: LinkRecord } {
  const token = newToken()
  const link: LinkRecord = {
    id: newId(),
    roadmapId,
    role,
    tokenHash: hashToken(token),
    label,
    personName,
    expiresAt,
    revokedAt: null,
    createdAt: at,
  }
  return { token, link }
}
