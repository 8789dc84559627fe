// The error envelope of every refused request (HTTP and a refused WebSocket upgrade):
// `{ error: { code, message, reason?, path?, allow? } }`. `code` is the kind of failure;
// for a refused link, `reason` says why, so that no client reads `message` (it is for people).
import { z } from 'zod'
import { named } from './registry.js'

export const ERROR_CODE = {
  badRequest: 'bad_request',
  /** the request's headers or body did not arrive within the server's timeout: 408 */
  requestTimeout: 'request_timeout',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  methodNotAllowed: 'method_not_allowed',
  tooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  invalidImport: 'invalid_import',
  rateLimited: 'rate_limited',
  /** a count limit is reached (snapshots of a roadmap): 409; delete something first */
  limitReached: 'limit_reached',
  unavailable: 'unavailable',
  /** the store is out of space (SQLITE_FULL, ENOSPC): 507, and nothing was stored */
  insufficientStorage: 'insufficient_storage',
  internal: 'internal_error',
} as const
export type ErrorCode = (typeof ERROR_CODE)[keyof typeof ERROR_CODE]

/** Why a token does not open a roadmap: `error.reason` of a 401 or 404. */
export const DENIAL = {
  tokenMissing: 'token_missing',
  linkUnknown: 'link_unknown',
  linkRevoked: 'link_revoked',
  linkExpired: 'link_expired',
  roadmapUnknown: 'roadmap_unknown',
} as const
export type DenialReason = (typeof DENIAL)[keyof typeof DENIAL]

const values = <T extends Record<string, string>>(o: T) =>
  Object.values(o) as [T[keyof T], ...T[keyof T][]]

export const ErrorBody = named(
  'Error',
  z.object({
    error: z.object({
      code: z.enum(values(ERROR_CODE)),
      message: z.string(),
      reason: z.enum(values(DENIAL)).optional(),
      /** the offending field of a 400 (dot-separated; '' for the whole body) */
      path: z.string().optional(),
      /** the methods a 405 allows */
      allow: z.string().optional(),
      /** a CSV import's refusal carries its preview: `errors` with their lines, `maxRows`, … */
      maxRows: z.number().int().optional(),
      errors: z.array(z.looseObject({})).optional(),
    }),
  }),
)
export type ErrorBody = z.infer<typeof ErrorBody>
