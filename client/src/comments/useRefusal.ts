// The server's permission-denied answer (y-protocols auth message), kept as state: a viewer's
// or commenter's change the server did not take. A commenter's later changes continue the
// refused ones and are refused too, so the page offers to reload.
import { useEffect, useState } from 'react'
import * as authProtocol from 'y-protocols/auth'
import type { WebsocketProvider } from 'y-websocket'

const MESSAGE_AUTH = 2

type Handler = WebsocketProvider['messageHandlers'][number]

export function useRefusal(provider: WebsocketProvider): string | null {
  const [reason, setReason] = useState<string | null>(null)
  useEffect(() => {
    const before = provider.messageHandlers[MESSAGE_AUTH]
    const handler: Handler = (_encoder, decoder, p) => {
      authProtocol.readAuthMessage(decoder, p.doc, (_doc, why) => setReason(why))
    }
    provider.messageHandlers[MESSAGE_AUTH] = handler
    return () => {
      provider.messageHandlers[MESSAGE_AUTH] = before
    }
  }, [provider])
  return reason
}
