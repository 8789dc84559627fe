// Every HTTP operation: method, path, who may call it, body, success responses. The server
// routes by this table and the OpenAPI description (openapi.ts) is written from it, so the
// two cannot disagree.
// Path parameters are `{name}`, each an id (ids.ts `ID_PATTERN`).
import type { z } from 'zod'
import {
  CreateLinkBody,
  CreateRoadmapBody,
  CreateSnapshotBody,
  CsvImportBody,
  CsvNewRoadmapBody,
} from './requests.js'
import {
  Backlog,
  CreatedLink,
  CreatedRoadmap,
  CsvCreatedRoadmap,
  CsvImportResult,
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
import { Comparison, RestoreEntityBody, RestoredEntity } from './history.js'

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

const TIMELINE_QUERY = {
  start: { description: 'first day shown (YYYY-MM-DD); default: the whole roadmap' },
  end: { description: 'last day shown (YYYY-MM-DD)' },
  lanes: { description: 'comma-separated lane ids to show; default: every lane' },
  status: { description: 'comma-separated feature statuses to show' },
  size: { description: 'page size: slide (16:9), a4 or letter (landscape)' },
  width: { description: 'image width in px (with height), instead of a page size' },
  height: { description: 'image height in px (with width)' },
  zoom: { description: 'fit (default), or a zoom level of the timeline' },
  page: { description: 'which page, from 1, when the roadmap takes several' },
  scale: { description: 'PNG pixel ratio, 0.5–3' },
  today: { description: 'the day the today line marks (YYYY-MM-DD)' },
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
  importCsvRoadmap: {
    method: METHOD.post,
    path: '/api/roadmaps/import/csv',
    summary: 'Create a roadmap from a CSV file (Jira, Linear, a spreadsheet)',
    body: CsvNewRoadmapBody,
    bodyDescription:
      'a CSV file and its column mapping (as the CSV import into a roadmap), at most MERIDIAN_IMPORT_MAX_BYTES (16 MiB by default)',
    status: 201,
    response: CsvCreatedRoadmap,
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
  compare: {
    method: METHOD.get,
    path: '/api/roadmaps/{id}/compare',
    summary: 'What changed between two versions (a snapshot id or now)',
    auth: 'viewer',
    query: {
      from: { description: 'the older version: a snapshot id or now' },
      to: { description: 'the newer version: a snapshot id or now (default)' },
      format: { description: 'json (default) or md', enum: ['json', 'md'] },
    },
    status: 200,
    response: Comparison,
    text: ['text/markdown'],
  },
  restoreEntity: {
    method: METHOD.post,
    path: '/api/roadmaps/{id}/snapshots/{snapshotId}/restore-entity',
    summary: 'Copy one entity (a feature with its items) from a snapshot into the roadmap',
    auth: 'owner',
    body: RestoreEntityBody,
    status: 200,
    response: RestoredEntity,
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
  timelineSvg: {
    method: METHOD.get,
    path: '/api/roadmaps/{id}/timeline.svg',
    summary: 'The timeline as an SVG image, drawn now (packages/exchange)',
    auth: 'viewer',
    query: TIMELINE_QUERY,
    status: 200,
    response: null,
    text: ['image/svg+xml'],
  },
  timelinePng: {
    method: METHOD.get,
    path: '/api/roadmaps/{id}/timeline.png',
    summary: 'The timeline as a PNG image, drawn now',
    auth: 'viewer',
    query: TIMELINE_QUERY,
    status: 200,
    response: null,
    text: ['image/png'],
  },
  timelinePdf: {
    method: METHOD.get,
    path: '/api/roadmaps/{id}/timeline.pdf',
    summary: 'The timeline as a PDF (several pages when it does not fit one)',
    auth: 'viewer',
    query: TIMELINE_QUERY,
    status: 200,
    response: null,
    text: ['application/pdf'],
  },
  reportPdf: {
    method: METHOD.get,
    path: '/api/roadmaps/{id}/report.pdf',
    summary: 'The progress report as a PDF',
    auth: 'viewer',
    query: TODAY,
    status: 200,
    response: null,
    text: ['application/pdf'],
  },
  recapPdf: {
    method: METHOD.get,
    path: '/api/roadmaps/{id}/sessions/{sessionId}/recap.pdf',
    summary:
      'A planning session’s recap as a PDF: what changed since its checkpoint, decisions, actions, vote results, who attended',
    auth: 'viewer',
    status: 200,
    response: null,
    text: ['application/pdf'],
  },
  recapMarkdown: {
    method: METHOD.get,
    path: '/api/roadmaps/{id}/sessions/{sessionId}/recap.md',
    summary: 'A planning session’s recap as Markdown',
    auth: 'viewer',
    status: 200,
    response: null,
    text: ['text/markdown'],
  },
  calendar: {
    method: METHOD.get,
    path: '/api/roadmaps/{id}/calendar.ics',
    summary: 'Milestones and feature dates as an iCalendar feed (stable UIDs)',
    auth: 'viewer',
    query: { starts: { description: '1: also each feature’s start' } },
    status: 200,
    response: null,
    text: ['text/calendar'],
  },
  importCsv: {
    method: METHOD.post,
    path: '/api/roadmaps/{id}/import/csv',
    summary: 'Import a CSV file (Jira, Linear, a spreadsheet) as one change',
    auth: 'editor',
    body: CsvImportBody,
    status: 201,
    response: CsvImportResult,
  },
  reissueLink: {
    method: METHOD.post,
    path: '/api/roadmaps/{id}/links/{linkId}/token',
    summary:
      'Give a link a new token to copy; the old one stops working and its sockets are closed',
    auth: 'owner',
    status: 200,
    response: CreatedLink,
  },
} as const satisfies Record<string, Operation>
export type OperationId = keyof typeof OPERATIONS
