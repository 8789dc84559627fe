// The request bodies: the server validates with these, clients and tests are typed by them.
import { z } from 'zod'
import { named } from './registry.js'
import { ROLES } from './roles.js'

export const CreateRoadmapBody = named(
  'CreateRoadmapBody',
  z.object({ title: z.string().trim().min(1).max(200) }),
)
export type CreateRoadmapBody = z.input<typeof CreateRoadmapBody>

export const CreateSnapshotBody = named(
  'CreateSnapshotBody',
  z.object({ name: z.string().trim().min(1).max(200) }),
)
export type CreateSnapshotBody = z.input<typeof CreateSnapshotBody>

export const CreateLinkBody = named(
  'CreateLinkBody',
  z.object({
    role: z.enum(ROLES),
    /** an ISO date-time with offset, or epoch milliseconds; absent or null: never */
    expiresAt: z
      .union([z.iso.datetime({ offset: true }), z.number().int().positive()])
      .nullable()
      .optional(),
    label: z.string().trim().max(100).nullable().optional(),
  }),
)
export type CreateLinkBody = z.input<typeof CreateLinkBody>
