// Every HTTP operation: method, path, who may call it, body, success responses. The server
// routes by this table and the OpenAPI description (openapi.ts) is written from it, so the
// two cannot disagree.
// Path parameters are `{name}`, each an id (ids.ts `ID_PATTERN`).
import type { z } from 'zod'
import { CreateLinkBody, CreateRoadmapBody, CreateSnapshotBody } from './requests.js'
import {
  Backlog,
  CreatedLink,
  CreatedRoadmap,
  Health,
  LinkList,
  OpenApiDocument,
  Report,
  Restored,
  DeletedSnapshot,
  RevokedLink,
  RoadmapJson,
  RoadmapMeta,
  Session,
  SnapshotContent,
  SnapshotList,
  Snapshot,
} from './responses.js'
import type { Role } from './roles.js'

export const METHOD = { get: 'GET', post: 'POST', delete: 'DELETE' } as const
export type Method = (typeof METHOD)[keyof typeof METHOD]

export interface Operation {
  method: Method
  path: string
  summary: string
  /** the least role the token must grant; 'token' = any valid token; absent = no token */
  auth?: Role | 'token'
  body?: z.ZodType
  /** the import body is a roadmap export (size configured by the server); others up to 64 KiB */
  bodyDescription?: string
  query?: Record<string, { description: string; enum?: readonly string[] }>
  status: 200 | 201
  /** JSON body of the success response; `text` lists other content types it may answer with */
  response: z.ZodType | null
  text?: readonly string[]
}

const TODAY = { today: { description: 'the day derivations are computed for (YYYY-MM-DD)' } }

export const OPERATIONS = {
  health: {
    method: METHOD.get,
    path: '/healthz',
    summary: 'Liveness',
    status: 200,
    response: Health,
  },
  metrics: {
    method: METHOD.get,
    path: '/metrics',
    summary: 'Prometheus metrics',
    status: 200,
    response: null,
    text: ['text/plain'],
  },
  openapi: {
    method: METHOD.get,
    path: '/api/openapi.json',
    summary: 'This description (OpenAPI 3.1)',
    status: 200,
    response: OpenApiDocument,
  },
  createRoadmap: {
    method: METHOD.post,
    path: '/api/roadmaps',
    summary: 'Create an empty roadmap',
    body: CreateRoadmapBody,
    status: 201,
    response: CreatedRoadmap,
  },
  importRoadmap: {
    method: METHOD.post,
    path: '/api/roadmaps/import',
    summary: 'Create a roadmap from a JSON export',
    body: RoadmapJson,
    bodyDescription:
      'a roadmap export (packages/model roadmapJsonSchema), at most MERIDIAN_IMPORT_MAX_BYTES (16 MiB by default)',
    status: 201,
    response: CreatedRoadmap,
  },
  session: {
    method: METHOD.get,
    path: '/api/session',
    summary: 'What a token opens',
    auth: 'token',
    status: 200,
    response: Session,
  },
  roadmap: {
    method: METHOD.get,
    path: '/api/roadmaps/{id}',
    summary: 'Roadmap meta, counts and the caller’s role',
    auth: 'viewer',
    status: 200,
    response: RoadmapMeta,
  },
  backlog: {
    method: METHOD.get,
    path: '/api/roadmaps/{id}/backlog',
    summary: 'The derived backlog',
    auth: 'viewer',
    query: {
      ...TODAY,
      format: { description: 'json (default), csv or md', enum: ['json', 'csv', 'md'] },
      shape: {
        description: 'csv/md: one row per feature (default) or per backlog item',
        enum: ['features', 'items'],
      },
    },
    status: 200,
    response: Backlog,
    text: ['text/csv', 'text/markdown'],
  },
  report: {
    method: METHOD.get,
    path: '/api/roadmaps/{id}/report',
    summary: 'The derived report',
    auth: 'viewer',
    query: TODAY,
    status: 200,
    response: Report,
  },
  export: {
    method: METHOD.get,
    path: '/api/roadmaps/{id}/export',
    summary: 'The roadmap as JSON',
    auth: 'viewer',
    status: 200,
    response: RoadmapJson,
  },
  listSnapshots: {
    method: METHOD.get,
    path: '/api/roadmaps/{id}/snapshots',
    summary: 'Snapshots, newest first',
    auth: 'viewer',
    status: 200,
    response: SnapshotList,
  },
  createSnapshot: {
    method: METHOD.post,
    path: '/api/roadmaps/{id}/snapshots',
    summary: 'Take a named snapshot',
    auth: 'editor',
    body: CreateSnapshotBody,
    status: 201,
    response: Snapshot,
  },
  getSnapshot: {
    method: METHOD.get,
    path: '/api/roadmaps/{id}/snapshots/{snapshotId}',
    summary: 'A snapshot’s content',
    auth: 'viewer',
    status: 200,
    response: SnapshotContent,
  },
  restoreSnapshot: {
    method: METHOD.post,
    path: '/api/roadmaps/{id}/snapshots/{snapshotId}/restore',
    summary: 'Restore a snapshot (a new edit everyone receives)',
    auth: 'owner',
    status: 200,
    response: Restored,
  },
  deleteSnapshot: {
    method: METHOD.delete,
    path: '/api/roadmaps/{id}/snapshots/{snapshotId}',
    summary: 'Delete a snapshot (frees its place under the per-roadmap limit)',
    auth: 'owner',
    status: 200,
    response: DeletedSnapshot,
  },
  listLinks: {
    method: METHOD.get,
    path: '/api/roadmaps/{id}/links',
    summary: 'Share links, with live connections',
    auth: 'owner',
    status: 200,
    response: LinkList,
  },
  createLink: {
    method: METHOD.post,
    path: '/api/roadmaps/{id}/links',
    summary: 'Create a share link',
    auth: 'owner',
    body: CreateLinkBody,
    status: 201,
    response: CreatedLink,
  },
  revokeLink: {
    method: METHOD.delete,
    path: '/api/roadmaps/{id}/links/{linkId}',
    summary: 'Revoke a link and close its sockets',
    auth: 'owner',
    status: 200,
    response: RevokedLink,
  },
} as const satisfies Record<string, Operation>
export type OperationId = keyof typeof OPERATIONS
