// Real y-websocket providers in Node, as a browser would use them, against a real server.
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { ServerProcess } from './server.js'
import { waitForEvent, WAIT_MS } from './wait.js'

export interface ProviderOptions {
  doc?: Y.Doc
  /** Connect at once (default true). */
  connect?: boolean
  /** The display name sent as `?name=` (what the server stamps on comments). */
  name?: string
}

/**
 * `new WebsocketProvider(origin + '/ws', id, doc, { params: { token } })` with `ws` as the
 * WebSocket and BroadcastChannel off: providers in one process must sync through the server only.
 */
export function openProvider(
  server: Pick<ServerProcess, 'wsOrigin'>,
  roadmapId: string,
  token: string,
  opts: ProviderOptions = {},
): WebsocketProvider {
  return new WebsocketProvider(server.wsOrigin + '/ws', roadmapId, opts.doc ?? new Y.Doc(), {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: opts.connect ?? true,
    params: opts.name === undefined ? { token } : { token, name: opts.name },
  })
}

/** Resolves when the provider has completed the sync handshake (now or at its next `sync`). */
export async function waitSynced(provider: WebsocketProvider, timeoutMs = WAIT_MS): Promise<void> {
  if (provider.synced) return
  await waitForEvent<[boolean]>(provider, 'sync', (s) => s, 'provider synced', timeoutMs)
}

/** Open and wait until synced. */
export async function connectedProvider(
  server: Pick<ServerProcess, 'wsOrigin'>,
  roadmapId: string,
  token: string,
  opts: ProviderOptions = {},
): Promise<WebsocketProvider> {
  const p = openProvider(server, roadmapId, token, opts)
  try {
    await waitSynced(p)
  } catch (e) {
    p.destroy()
    throw e
  }
  return p
}

/** Destroy providers and their docs (closes their sockets; no reconnects afterwards). */
export function destroyAll(...providers: (WebsocketProvider | null | undefined)[]): void {
  for (const p of providers) {
    if (!p) continue
    p.destroy()
    p.doc.destroy()
  }
}
