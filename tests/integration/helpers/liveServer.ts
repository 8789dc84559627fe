// A real server process for one describe block, with the clients its tests open: started
// before the tests, and after them the raw sockets terminated, the providers destroyed and
// the process stopped. Tests push what they open onto `providers` and `raws`.
import { afterAll, beforeAll } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { destroyAll } from './provider.js'
import type { RawClient } from './raw.js'
import { ServerFixture } from './server.js'

export function liveServer(env: Record<string, string> = {}): {
  fx: ServerFixture
  providers: WebsocketProvider[]
  raws: RawClient[]
} {
  const fx = new ServerFixture(env)
  const providers: WebsocketProvider[] = []
  const raws: RawClient[] = []
  beforeAll(async () => {
    await fx.start()
  })
  afterAll(async () => {
    for (const r of raws) r.terminate()
    destroyAll(...providers)
    await fx.dispose()
  })
  return { fx, providers, raws }
}
