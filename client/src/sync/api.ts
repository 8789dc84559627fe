// The HTTP API, typed by the contract (packages/protocol). Expected failures are values.
import type {
  CreateLinkBody,
  CreateRoadmapBody,
  CreatedLink,
  CreatedRoadmap,
  DenialReason,
  ErrorBody,
  ErrorCode,
  Link,
  LinkList,
  RevokedLink,
  RoadmapMeta,
  Role,
} from '@meridian/protocol'

export type { CreatedRoadmap }

export interface ApiError {
  ok: false
  /** 0 when the server could not be reached */
  status: number
  /** the server's error code; 'network' when unreachable, 'http' when the body was no envelope */
  code: ErrorCode | 'network' | 'http'
  /** why a link was refused (401/404); the only thing to read to tell refusals apart */
  reason?: DenialReason
  message: string
}

export type ApiResult<T> = { ok: true; value: T } | ApiError

export interface RoadmapInfo {
  id: string
  title: string
  role: Role
  linkId: string
  /** a personal link's person: the name this tab speaks for, whatever it is called here */
  personName: string | null
}

/** A share link as the share dialog shows it; `token` only for a link created just now. */
export interface ShareLink {
  id: string
  role: Role
  label: string | null
  personName: string | null
  token: string | null
  expiresAt: string | null
  createdAt: string | null
  revoked: boolean
  connections: number
}

const isErrorBody = (json: unknown): json is ErrorBody =>
  typeof json === 'object' &&
  json !== null &&
  typeof (json as Partial<ErrorBody>).error?.code === 'string'

/** A refused request as a value: the contract's error envelope, or what a proxy answered. */
export function apiError(status: number, json: unknown, statusText: string): ApiError {
  // A proxy in front of the server may answer with a body of its own.
  if (!isErrorBody(json))
    return { ok: false, status, code: 'http', message: statusText || `HTTP ${status}` }
  const { code, message, reason } = json.error
  return { ok: false, status, code, message, reason }
}

export async function request<T>(
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
  if (!response.ok) return apiError(response.status, json, response.statusText)
  return { ok: true, value: json as T }
}

const roadmapPath = (id: string): string => `/api/roadmaps/${encodeURIComponent(id)}`

export function createRoadmap(title: string): Promise<ApiResult<CreatedRoadmap>> {
  const body: CreateRoadmapBody = { title }
  return request<CreatedRoadmap>('POST', '/api/roadmaps', null, body)
}

export async function getRoadmapInfo(id: string, token: string): Promise<ApiResult<RoadmapInfo>> {
  const result = await request<RoadmapMeta>(
    'GET',
    `${roadmapPath(id)}?token=${encodeURIComponent(token)}`,
    token,
  )
  if (!result.ok) return result
  const { title, role, linkId, personName } = result.value
  return {
    ok: true,
    value: { id, title: title || 'Untitled roadmap', role, linkId, personName },
  }
}

const fromLink = (l: Link): ShareLink => ({
  id: l.linkId,
  role: l.role,
  label: l.label,
  personName: l.personName,
  token: null,
  expiresAt: l.expiresAt,
  createdAt: l.createdAt,
  revoked: !l.active,
  connections: l.connections,
})

export async function listLinks(id: string, token: string): Promise<ApiResult<ShareLink[]>> {
  const result = await request<LinkList>('GET', `${roadmapPath(id)}/links`, token)
  if (!result.ok) return result
  return { ok: true, value: result.value.links.map(fromLink) }
}

export async function createLink(
  id: string,
  token: string,
  role: Role,
  expiresAt: string | null,
  personName: string | null = null,
): Promise<ApiResult<ShareLink>> {
  const body: CreateLinkBody = { role }
  if (expiresAt) body.expiresAt = expiresAt
  if (personName) body.personName = personName
  return fromCreated(await request<CreatedLink>('POST', `${roadmapPath(id)}/links`, token, body))
}

/** A new token for a link (its old address stops working), to copy its address again. */
export async function reissueLink(
  id: string,
  token: string,
  linkId: string,
): Promise<ApiResult<ShareLink>> {
  const path = `${roadmapPath(id)}/links/${encodeURIComponent(linkId)}/token`
  return fromCreated(await request<CreatedLink>('POST', path, token))
}

function fromCreated(result: ApiResult<CreatedLink>): ApiResult<ShareLink> {
  if (!result.ok) return result
  const l = result.value
  return {
    ok: true,
    value: {
      id: l.linkId,
      role: l.role,
      label: l.label,
      personName: l.personName,
      token: l.token,
      expiresAt: l.expiresAt,
      createdAt: l.createdAt,
      revoked: false,
      connections: 0,
    },
  }
}

export function revokeLink(
  id: string,
  token: string,
  linkId: string,
): Promise<ApiResult<RevokedLink>> {
  return request('DELETE', `${roadmapPath(id)}/links/${encodeURIComponent(linkId)}`, token)
}

export function roadmapUrl(id: string, token: string, page: 'r' | 'embed' = 'r'): string {
  return `${window.location.origin}/${page}/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`
}
