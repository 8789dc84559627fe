// Request bodies are validated with the contract's schemas (packages/protocol requests.ts).
import { ERROR_CODE } from '@meridian/protocol'
import type { z } from 'zod'
import { HttpError } from './respond.js'

/** Parses `value` or throws a 400 naming the first bad field. */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value)
  if (r.success) return r.data
  const issue = r.error.issues[0]
  const path = issue.path.map(String).join('.')
  throw new HttpError(
    400,
    ERROR_CODE.badRequest,
    path ? `${path}: ${issue.message}` : issue.message,
    { path },
  )
}
