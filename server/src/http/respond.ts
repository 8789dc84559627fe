import type { IncomingMessage, ServerResponse } from 'node:http'
import { ERROR_CODE } from '@meridian/protocol'
import type { DenialReason, ErrorBody, ErrorCode } from '@meridian/protocol'
import { errorText } from '../log.js'

/** An expected failure of a request: becomes the error envelope (`ErrorBody`) with `status`. */
export class HttpError {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly message: string,
    /** fields of the envelope's `error` besides code and message (`ErrorBody`) */
    readonly extra: {
      reason?: DenialReason
      path?: string
      allow?: string
      maxRows?: number
      [detail: string]: unknown
    } = {},
    /** response headers, e.g. Retry-After of a 429 */
    readonly headers: Record<string, string> = {},
  ) {}
}

/** 429 for a caller over a rate limit; `retryAfter` in seconds. */
export const rateLimited = (what: string, retryAfter: number): HttpError =>
  new HttpError(
    429,
    ERROR_CODE.rateLimited,
    `too many ${what}; try again in ${retryAfter} s`,
    {},
    { 'retry-after': String(retryAfter) },
  )

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(text)
}

export function sendText(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(body)
}

export function sendError(res: ServerResponse, e: HttpError): void {
  const body: ErrorBody = { error: { code: e.code, message: e.message, ...e.extra } }
  sendJson(res, e.status, body, {
    ...e.headers,
    ...(e.status === 405 ? { allow: e.extra.allow ?? '' } : {}),
  })
}

/** The request body as JSON, refusing more than `limit` bytes (413) and bad JSON (400). */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const text = (await readBody(req, limit)).toString('utf8')
  if (text.trim() === '') throw new HttpError(400, ERROR_CODE.badRequest, 'a JSON body is required')
  try {
    return JSON.parse(text) as unknown
  } catch (e) {
    throw new HttpError(400, ERROR_CODE.badRequest, `malformed JSON: ${errorText(e)}`)
  }
}

/** The raw body of a JSON request, refusing more than `limit` bytes (413). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const type = req.headers['content-type']
  if (type !== undefined && !/^application\/json\b/i.test(type)) {
    throw new HttpError(415, ERROR_CODE.unsupportedMediaType, 'expected application/json')
  }
  const declared = Number(req.headers['content-length'] ?? '0')
  if (declared > limit) {
    req.resume()
    throw new HttpError(413, ERROR_CODE.tooLarge, `body larger than ${limit} bytes`)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const b = chunk as Buffer
    size += b.byteLength
    if (size > limit) {
      req.resume()
      throw new HttpError(413, ERROR_CODE.tooLarge, `body larger than ${limit} bytes`)
    }
    chunks.push(b)
  }
  return Buffer.concat(chunks)
}
