// The JSON bodies of successful responses. Times are ISO 8601 strings (UTC), or null.
import { z } from 'zod'
import { named } from './registry.js'
import { ROLES } from './roles.js'

const Time = z.iso.datetime()
const Role = z.enum(ROLES)

/** `POST /api/roadmaps` and `POST /api/roadmaps/import`: the roadmap and its three links' tokens. */
export const CreatedRoadmap = named(
  'CreatedRoadmap',
  z.object({
    id: z.string(),
    title: z.string(),
    ownerToken: z.string(),
    editorToken: z.string(),
    viewerToken: z.string(),
  }),
)
export type CreatedRoadmap = z.infer<typeof CreatedRoadmap>

/** `GET /api/session`: what a token opens. */
export const Session = named(
  'Session',
  z.object({
    roadmapId: z.string(),
    role: Role,
    linkId: z.string(),
    expiresAt: Time.nullable(),
  }),
)
export type Session = z.infer<typeof Session>

/** `GET /api/roadmaps/:id`. */
export const RoadmapMeta = named(
  'RoadmapMeta',
  z.object({
    id: z.string(),
    title: z.string(),
    role: Role,
    linkId: z.string(),
    /** opened with a personal link: the name its connections carry (see CreateLinkBody) */
    personName: z.string().nullable(),
    horizonStart: z.string().nullable(),
    horizonEnd: z.string().nullable(),
    counts: z.object({
      lanes: z.number().int(),
      features: z.number().int(),
      milestones: z.number().int(),
      goals: z.number().int(),
      indicators: z.number().int(),
      risks: z.number().int(),
      resources: z.number().int(),
      items: z.number().int(),
    }),
    /** open WebSocket connections to this roadmap, every instance counted */
    connections: z.number().int(),
    /** bytes the roadmap's snapshot history takes as stored (compressed deltas and states) */
    historyBytes: z.number().int(),
    createdAt: Time.nullable(),
    updatedAt: Time.nullable(),
  }),
)
export type RoadmapMeta = z.infer<typeof RoadmapMeta>

export const SNAPSHOT_KIND = { auto: 'auto', named: 'named' } as const
export type SnapshotKind = (typeof SNAPSHOT_KIND)[keyof typeof SNAPSHOT_KIND]

export const Snapshot = named(
  'Snapshot',
  z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum([SNAPSHOT_KIND.auto, SNAPSHOT_KIND.named]),
    createdAt: Time.nullable(),
    /** bytes of the stored state */
    size: z.number().int(),
  }),
)
export type Snapshot = z.infer<typeof Snapshot>

/** Someone whose connection sent stored updates: the name it connected with (null: none). */
export const SnapshotEditor = named('SnapshotEditor', z.object({ name: z.string().nullable() }))
export type SnapshotEditor = z.infer<typeof SnapshotEditor>

/** A snapshot as listed, with who edited since the previous one. */
export const ListedSnapshot = named(
  'ListedSnapshot',
  Snapshot.extend({
    /**
     * The distinct people (link and name) whose updates were stored between the previous
     * snapshot and this one, in the order they first edited; at most 32. Empty when only the
     * server edited, or the updates were stored before editors were recorded.
     */
    editors: z.array(SnapshotEditor),
  }),
)
export type ListedSnapshot = z.infer<typeof ListedSnapshot>

export const SnapshotList = named('SnapshotList', z.object({ snapshots: z.array(ListedSnapshot) }))
export type SnapshotList = z.infer<typeof SnapshotList>

/** The roadmap JSON export (packages/model `exportRoadmap`, schema `roadmapJsonSchema`). */
export const RoadmapJson = named('RoadmapJson', z.object({}).loose())

/** `GET /api/roadmaps/:id/snapshots/:sid`. */
export const SnapshotContent = named(
  'SnapshotContent',
  z.object({ snapshot: Snapshot, roadmap: RoadmapJson }),
)
export type SnapshotContent = z.infer<typeof SnapshotContent>

export const Restored = named('Restored', z.object({ restored: Snapshot }))
export type Restored = z.infer<typeof Restored>

export const DeletedSnapshot = named('DeletedSnapshot', z.object({ deleted: Snapshot }))
export type DeletedSnapshot = z.infer<typeof DeletedSnapshot>

/**
 * A share link as its owner lists it. Its token is shown only at creation (only its hash is
 * stored); `POST …/links/{linkId}/token` gives the link a new one to copy.
 */
export const Link = named(
  'Link',
  z.object({
    linkId: z.string(),
    role: Role,
    label: z.string().nullable(),
    /** a personal link: the person it is for (see CreateLinkBody) */
    personName: z.string().nullable(),
    createdAt: Time.nullable(),
    expiresAt: Time.nullable(),
    revokedAt: Time.nullable(),
    /** not revoked and not expired */
    active: z.boolean(),
    connections: z.number().int(),
  }),
)
export type Link = z.infer<typeof Link>

export const LinkList = named('LinkList', z.object({ links: z.array(Link) }))
export type LinkList = z.infer<typeof LinkList>

export const CreatedLink = named(
  'CreatedLink',
  z.object({
    linkId: z.string(),
    role: Role,
    label: z.string().nullable(),
    personName: z.string().nullable(),
    token: z.string(),
    url: z.string(),
    embedUrl: z.string(),
    expiresAt: Time.nullable(),
    createdAt: Time,
  }),
)
export type CreatedLink = z.infer<typeof CreatedLink>

export const RevokedLink = named(
  'RevokedLink',
  z.object({
    linkId: z.string(),
    revokedAt: Time.nullable(),
    /** sockets of this link closed (4401) */
    closed: z.number().int(),
  }),
)
export type RevokedLink = z.infer<typeof RevokedLink>

/** packages/model `deriveBacklog` (see packages/model/DERIVATIONS.md). */
export const Backlog = named('Backlog', z.looseObject({}))
/** packages/model `deriveReport` (see packages/model/DERIVATIONS.md). */
export const Report = named('Report', z.looseObject({}))

export const Health = named('Health', z.object({ ok: z.literal(true) }))

/** `GET /api/openapi.json`: the description of this API. */
export const OpenApiDocument = named(
  'OpenApiDocument',
  z.object({ openapi: z.literal('3.1.0') }).loose(),
)

/** What a CSV import would create or created, with every bad row (packages/exchange). */
export const CsvImportResult = named('CsvImportResult', z.looseObject({}))

/** `POST /api/roadmaps/import/csv`: the created roadmap's links, and what the import made. */
export const CsvCreatedRoadmap = named(
  'CsvCreatedRoadmap',
  CreatedRoadmap.extend({ import: CsvImportResult }),
)
export type CsvCreatedRoadmap = z.infer<typeof CsvCreatedRoadmap>
