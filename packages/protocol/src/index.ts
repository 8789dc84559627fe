// The contract between the client, the server and the tests: roles, close codes, errors,
// request and response bodies, the operations and their OpenAPI description.
export { ID_PATTERN } from './ids.js'
export { ROLE, ROLES, atLeast, isRole } from './roles.js'
export type { Role } from './roles.js'
export { ERROR_CODE, DENIAL, ErrorBody } from './errors.js'
export type { ErrorCode, DenialReason } from './errors.js'
export { CLOSE, WS_CLOSE } from './closeCodes.js'
export type { CloseKind } from './closeCodes.js'
export {
  CreateRoadmapBody,
  CreateSnapshotBody,
  CreateLinkBody,
  CsvImportBody,
  CsvNewRoadmapBody,
  MAX_PERSON_NAME,
} from './requests.js'
export {
  SNAPSHOT_KIND,
  CreatedRoadmap,
  Session,
  RoadmapMeta,
  Snapshot,
  SnapshotList,
  ListedSnapshot,
  SnapshotEditor,
  SnapshotContent,
  Restored,
  DeletedSnapshot,
  Link,
  LinkList,
  CreatedLink,
  RevokedLink,
  RoadmapJson,
  Backlog,
  Report,
  Health,
  OpenApiDocument,
  CsvImportResult,
  CsvCreatedRoadmap,
} from './responses.js'
export type { SnapshotKind } from './responses.js'
export {
  VERSION_NOW,
  Comparison,
  RESTORABLE_KINDS,
  RestoreEntityBody,
  RestoredEntity,
} from './history.js'
export type { RestorableKind } from './history.js'
export { OPERATIONS, METHOD } from './operations.js'
export type { Operation, OperationId, Method } from './operations.js'
export { openApiDocument, API_VERSION } from './openapi.js'
export type { OpenApiOptions } from './openapi.js'
