// The request bodies: the server validates with these, clients and tests are typed by them.
import { z } from 'zod'
import { named } from './registry.js'
import { ROLES } from './roles.js'

/** The longest display name a connection or a personal link carries. */
export const MAX_PERSON_NAME = 60

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
    /**
     * A personal link: the person it is for. Its connections carry this name, whatever the
     * client sends as `?name=`, and what they record (acceptances) is stamped with it.
     */
    personName: z.string().trim().min(1).max(MAX_PERSON_NAME).nullable().optional(),
  }),
)
export type CreateLinkBody = z.input<typeof CreateLinkBody>

/**
 * A CSV file into a roadmap. Column fields and statuses are the importer's vocabularies
 * (packages/exchange `CSV_FIELD`, `IMPORT_STATUS`); the server checks the names.
 */
export const CsvImportBody = named(
  'CsvImportBody',
  z.object({
    csv: z
      .string()
      .min(1)
      .max(16 * 1024 * 1024),
    mapping: z
      .object({
        /** By header name; columns not named keep the suggested field. */
        columns: z.record(z.string().max(200), z.string().max(40)).optional(),
        statuses: z.record(z.string().max(200), z.string().max(40)).optional(),
        dateOrder: z.enum(['mdy', 'dmy']).optional(),
        defaultLane: z.string().trim().max(100).optional(),
      })
      .strict()
      .optional(),
    skipErrors: z.boolean().optional(),
    dryRun: z.boolean().optional(),
  }),
)
export type CsvImportBody = z.input<typeof CsvImportBody>

/** A CSV file as a new roadmap: the same file and mapping, and the new roadmap's title. */
export const CsvNewRoadmapBody = named(
  'CsvNewRoadmapBody',
  CsvImportBody.extend({ title: z.string().trim().max(200).optional() }),
)
export type CsvNewRoadmapBody = z.input<typeof CsvNewRoadmapBody>
