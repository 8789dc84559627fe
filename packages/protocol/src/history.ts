// The history routes' bodies: comparing two versions and bringing one entity back from a
// snapshot. A version is a snapshot id or `now` (the live document).
import { z } from 'zod'
import { named } from './registry.js'

export const VERSION_NOW = 'now'

/** `GET /api/roadmaps/:id/compare`: packages/model `compareRoadmaps` (see DERIVATIONS.md). */
export const Comparison = named(
  'Comparison',
  z.looseObject({
    title: z.string(),
    fromDate: z.string(),
    toDate: z.string(),
    summary: z.looseObject({}),
    changes: z.array(z.looseObject({ group: z.string(), type: z.string(), id: z.string() })),
    features: z.array(z.looseObject({})),
    milestones: z.array(z.looseObject({})),
  }),
)
export type Comparison = z.infer<typeof Comparison>

/** The entity kinds one of which can be brought back from a snapshot (a feature with its items). */
export const RESTORABLE_KINDS = ['features', 'milestones', 'goals', 'indicators', 'risks'] as const
export type RestorableKind = (typeof RESTORABLE_KINDS)[number]

export const RestoreEntityBody = named(
  'RestoreEntityBody',
  z.object({ kind: z.enum(RESTORABLE_KINDS), id: z.string().min(1).max(64) }),
)
export type RestoreEntityBody = z.input<typeof RestoreEntityBody>

export const RestoredEntity = named(
  'RestoredEntity',
  z.object({
    kind: z.enum(RESTORABLE_KINDS),
    id: z.string(),
    /** backlog items copied with a feature */
    items: z.number().int(),
  }),
)
export type RestoredEntity = z.infer<typeof RestoredEntity>
