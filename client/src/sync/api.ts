// The HTTP API (DESIGN.md "HTTP and WebSocket API"). Expected failures are values.
import type { Role } from '../views/types.js'

export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; status: number; code: string; message: string }

export interface CreatedRoadmap {
  id: string
  title: string
  ownerToken: string
  editorToken: string
  viewerToken: string
}

export interface RoadmapInfo {
  id: string
  title: string
  role: Role
}

export interface ShareLink {
  id: string
  role: Role
  token: string | null
  expiresAt: string | null
  createdAt: string | null
  revoked: boolean
  connections: number
}

async function request<T>(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (error) {
    return {
      ok: false,
      status: 0,
      code: 'network',
      message: error instanceof Error ? error.message : 'Network error',
    }
  }
  const text = await response.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = null
  }
  if (!response.ok) {
    const err = (json as { error?: { code?: string; message?: string } } | null)?.error
    return {
      ok: false,
      status: response.status,
      code: err?.code ?? `http-${response.status}`,
      message: err?.message ?? (response.statusText || `HTTP ${response.status}`),
    }
  }
  return { ok: true, value: json as T }
}

export function createRoadmap(title: string): Promise<ApiResult<CreatedRoadmap>> {
  return request<CreatedRoadmap>('POST', '/api/roadmaps', null, { title })
}

export async function getRoadmapInfo(
  id: string,
  token: string,
): Promise<ApiResult<RoadmapInfo & { linkId: string | null }>> {
  const result = await request<Partial<RoadmapInfo> & { linkId?: string }>(
    'GET',
    `/api/roadmaps/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`,
    token,
  )
  if (!result.ok) return result
  const role = result.value.role
  return {
    ok: true,
    value: {
      id,
      title: result.value.title ?? 'Untitled roadmap',
      role: role === 'owner' || role === 'editor' ? role : 'viewer',
      linkId: result.value.linkId ?? null,
    },
  }
}

function toLink(raw: Record<string, unknown>): ShareLink {
  const role = raw.role === 'owner' || raw.role === 'editor' ? raw.role : 'viewer'
  return {
    id: String(raw.id ?? raw.linkId ?? ''),
    role,
    token: typeof raw.token === 'string' ? raw.token : null,
    expiresAt: typeof raw.expiresAt === 'string' ? raw.expiresAt : null,
    createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : null,
    revoked: Boolean(raw.revoked ?? raw.revokedAt) || raw.active === false,
    connections: typeof raw.connections === 'number' ? raw.connections : 0,
  }
}

export async function listLinks(id: string, token: string): Promise<ApiResult<ShareLink[]>> {
  const result = await request<unknown>(
    'GET',
    `/api/roadmaps/${encodeURIComponent(id)}/links`,
    token,
  )
  if (!result.ok) return result
  const value = result.value as { links?: unknown } | unknown[]
  const raw = Array.isArray(value) ? value : Array.isArray(value?.links) ? value.links : []
  return { ok: true, value: (raw as Array<Record<string, unknown>>).map(toLink) }
}

export async function createLink(
  id: string,
  token: string,
  role: Role,
  expiresAt: string | null,
): Promise<ApiResult<ShareLink>> {
  const result = await request<Record<string, unknown>>(
    'POST',
    `/api/roadmaps/${encodeURIComponent(id)}/links`,
    token,
    expiresAt ? { role, expiresAt } : { role },
  )
  if (!result.ok) return result
  const raw = (result.value.link as Record<string, unknown> | undefined) ?? result.value
  return { ok: true, value: toLink(raw) }
}

export function revokeLink(id: string, token: string, linkId: string): Promise<ApiResult<unknown>> {
  return request(
    'DELETE',
    `/api/roadmaps/${encodeURIComponent(id)}/links/${encodeURIComponent(linkId)}`,
    token,
  )
}

export function roadmapUrl(id: string, token: string, page: 'r' | 'embed' = 'r'): string {
  return `${window.location.origin}/${page}/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`
}
