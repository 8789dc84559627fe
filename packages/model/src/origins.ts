// The transaction origins of the edits the model and the server make themselves, in one
// vocabulary: undo managers, persistence and relays tell edits apart by them. A client's own
// edits carry its session's origin object instead (client/src/sync/session.ts).

export const ORIGIN = {
  /** the stored state read into a Y.Doc */
  load: 'load',
  /** an update another client or server instance sent */
  remote: 'remote',
  /** a snapshot written back onto the live document */
  restore: 'restore',
  /** a new roadmap's first content */
  create: 'create',
  /** an exported file read back (`importRoadmap`) */
  import: 'import',
  /** the demo roadmap (`demoRoadmap`) */
  demo: 'demo',
  /** the server setting who did something to the name of the connection that did it */
  attribution: 'attribution',
} as const
export type KnownOrigin = (typeof ORIGIN)[keyof typeof ORIGIN]
