// The close-code table is part of the wire contract (packages/protocol).
export { CLOSE, WS_CLOSE } from '@meridian/protocol'
export type { CloseKind } from '@meridian/protocol'
