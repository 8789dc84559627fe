// How the HTTP fuzzer delivers a request's body: with a Content-Length, chunked (no length), cut
// mid-way (a longer length declared, part sent, then the client's side of the socket closed)
// or aborted (part sent, then the socket destroyed). Only a cut or aborted request may end
// with no answer: an oversized body, declared or chunked, is answered (413) before the close.
import http from 'node:http'
import type { ServerProcess } from './server.js'

export const DELIVERY = {
  length: 'length',
  chunked: 'chunked',
  cut: 'cut',
  abort: 'abort',
} as const
export type Delivery = (typeof DELIVERY)[keyof typeof DELIVERY]

export interface FuzzRequest {
  method: string
  path: string
  headers: Record<string, string>
  body: Buffer | null
  delivery: Delivery
  /** Larger than the server's body limits: refused with 413, and the connection closed. */
  oversized: boolean
}

export interface Answer {
  status: number
  type: string
  text: string
}

/** Chunks a chunked body is written in. */
const CHUNKS = 4

/** Whether the request may end without an answer (the connection closed instead). */
export function mayGoUnanswered(req: FuzzRequest): boolean {
  return req.delivery === DELIVERY.cut || req.delivery === DELIVERY.abort
}

/** Sends `req`; resolves with the answer, or null when the connection ended without one. */
export function send(server: ServerProcess, req: FuzzRequest): Promise<Answer | null> {
  return new Promise((resolve) => {
    const { body, delivery } = req
    const headers = { ...req.headers }
    if (body && delivery === DELIVERY.length) headers['content-length'] = String(body.length)
    // Node's client chunks POST bodies by itself but not DELETE, OPTIONS or TRACE ones.
    if (body && delivery === DELIVERY.chunked) headers['transfer-encoding'] = 'chunked'
    // Cut: a length longer than what will be sent, so the server waits for more and then sees
    // the end of the stream.
    if (body && delivery === DELIVERY.cut) headers['content-length'] = String(body.length + 1024)
    let settled = false
    const done = (a: Answer | null): void => {
      if (settled) return
      settled = true
      resolve(a)
    }
    const r = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: req.method,
        path: req.path,
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', () => done(null))
        res.on('aborted', () => done(null))
      },
    )
    r.on('error', () => done(null))
    r.on('close', () => done(null))
    if (!body) {
      r.end()
      return
    }
    const half = body.subarray(0, Math.floor(body.length / 2))
    switch (delivery) {
      case DELIVERY.length:
        r.end(body)
        return
      case DELIVERY.chunked: {
        const size = Math.ceil(body.length / CHUNKS) || 1
        for (let at = 0; at < body.length; at += size) r.write(body.subarray(at, at + size))
        r.end()
        return
      }
      case DELIVERY.cut:
        r.write(half, () => r.socket?.end())
        return
      case DELIVERY.abort:
        r.write(half, () => r.destroy())
        return
    }
  })
}
