import { z } from 'zod'
import { ROLES } from '../store/store.js'
import { ERROR_CODE, HttpError } from './respond.js'

export const CreateBody = z.object({ title: z.string().trim().min(1).max(200) })

export const SnapshotBody = z.object({ name: z.string().trim().min(1).max(200) })

export const LinkBody = z.object({
  role: z.enum(ROLES as [string, ...string[]]).transform((r) => r as (typeof ROLES)[number]),
  expiresAt: z
    .union([z.iso.datetime({ offset: true }), z.number().int().positive()])
    .nullable()
    .optional(),
  label: z.string().trim().max(100).nullable().optional(),
})

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
