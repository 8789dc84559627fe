// The transaction origins are one vocabulary shared with the model (packages/model/src/origins.ts).
export { ORIGIN } from '@meridian/model'
export type { KnownOrigin as Origin } from '@meridian/model'

/**
 * Options for the server's own Y.Docs. A fixed guid: Yjs would otherwise draw a uuid with
 * ~30 calls into the OS random source per document (guids only matter for subdocuments).
 */
export const SERVER_DOC = { guid: 'meridian-server' } as const
