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
