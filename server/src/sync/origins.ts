/** Transaction origins of the server's own Yjs transactions. */
export const ORIGIN = {
  load: 'load',
  remote: 'remote',
  restore: 'restore',
  create: 'create',
  import: 'import',
  demo: 'demo',
} as const
export type Origin = (typeof ORIGIN)[keyof typeof ORIGIN]

/**
 * Options for the server's own Y.Docs. A fixed guid: Yjs would otherwise draw a uuid with
 * ~30 calls into the OS random source per document (guids only matter for subdocuments).
 */
export const SERVER_DOC = { guid: 'meridian-server' } as const
