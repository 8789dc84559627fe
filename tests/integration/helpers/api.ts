// HTTP API calls against a running server, typed by the contract (packages/protocol).
import type { CreateLinkBody, CreatedLink, CreatedRoadmap, Role } from '@meridian/protocol'
import type { ServerProcess } from './server.js'

export type { CreatedRoadmap, Role }

export interface ApiResponse<T> {
  status: number
  body: T
}

/** fetch + JSON; never throws on a non-2xx status (tests assert on it). */
export async function api<T = unknown>(
  server: Pick<ServerProcess, 'origin'>,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {}
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`
  if (opts.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(server.origin + path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  })
  const text = await res.text()
  let body: unknown = text
  if ((res.headers.get('content-type') ?? '').includes('json') && text.length > 0)
    body = JSON.parse(text)
  return { status: res.status, body: body as T }
}

function ok<T>(what: string, r: ApiResponse<T>, expected: number[] = [200, 201]): T {
  if (!expected.includes(r.status))
    throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`)
  return r.body
}

export async function createRoadmap(
  server: Pick<ServerProcess, 'origin'>,
  title = 'Integration roadmap',
): Promise<CreatedRoadmap> {
  const r = await api<CreatedRoadmap>(server, 'POST', '/api/roadmaps', { body: { title } })
  return ok('POST /api/roadmaps', r, [201])
}

export async function createLink(
  server: Pick<ServerProcess, 'origin'>,
  roadmap: Pick<CreatedRoadmap, 'id' | 'ownerToken'>,
  role: Role,
  expiresAt?: string,
): Promise<CreatedLink> {
  const body: CreateLinkBody = expiresAt === undefined ? { role } : { role, expiresAt }
  const r = await api<CreatedLink>(server, 'POST', `/api/roadmaps/${roadmap.id}/links`, {
    token: roadmap.ownerToken,
    body,
  })
  return ok('POST links', r)
}

export async function revokeLink(
  server: Pick<ServerProcess, 'origin'>,
  roadmap: Pick<CreatedRoadmap, 'id' | 'ownerToken'>,
  linkId: string,
): Promise<void> {
  const r = await api(server, 'DELETE', `/api/roadmaps/${roadmap.id}/links/${linkId}`, {
    token: roadmap.ownerToken,
  })
  ok('DELETE link', r, [200, 204])
}

export async function healthz(server: Pick<ServerProcess, 'origin'>): Promise<number> {
  const res = await fetch(server.origin + '/healthz')
  await res.arrayBuffer()
  return res.status
}
