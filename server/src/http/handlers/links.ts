// Share links: list with live connections, create, revoke (closing the link's sockets).
import { CreateLinkBody, ERROR_CODE } from '@meridian/protocol'
import type { CreatedLink, LinkList, RevokedLink } from '@meridian/protocol'
import { newLink } from '../../auth/newLink.js'
import type { Ctx } from '../context.js'
import { SMALL_BODY, iso, originOf } from '../context.js'
import { parseBody } from '../parseBody.js'
import { HttpError, readJson, sendJson } from '../respond.js'

export async function list(ctx: Ctx): Promise<void> {
  const id = ctx.params[0]
  const now = Date.now()
  const live = await ctx.deps.rooms.connectionsByLink(id)
  const links = await ctx.deps.store.listLinks(id)
  const body: LinkList = {
    links: links.map((l) => ({
      linkId: l.id,
      role: l.role,
      label: l.label,
      createdAt: iso(l.createdAt),
      expiresAt: iso(l.expiresAt),
      revokedAt: iso(l.revokedAt),
      active: l.revokedAt === null && (l.expiresAt === null || l.expiresAt > now),
      connections: live.get(l.id) ?? 0,
    })),
  }
  sendJson(ctx.res, 200, body)
}

export async function create(ctx: Ctx): Promise<void> {
  const body = parseBody(CreateLinkBody, await readJson(ctx.req, SMALL_BODY))
  const now = Date.now()
  const expiresAt =
    body.expiresAt == null
      ? null
      : typeof body.expiresAt === 'number'
        ? body.expiresAt
        : Date.parse(body.expiresAt)
  if (expiresAt !== null && expiresAt <= now)
    throw new HttpError(400, ERROR_CODE.badRequest, 'expiresAt: must be in the future', {
      path: 'expiresAt',
    })
  const id = ctx.params[0]
  const { token, link } = newLink(id, body.role, body.label ?? null, expiresAt, now)
  await ctx.deps.store.createLink(link)
  const base = originOf(ctx.req)
  const created: CreatedLink = {
    linkId: link.id,
    role: link.role,
    label: link.label,
    token,
    url: `${base}/r/${id}?token=${token}`,
    embedUrl: `${base}/embed/${id}?token=${token}`,
    expiresAt: iso(expiresAt),
    createdAt: new Date(now).toISOString(),
  }
  sendJson(ctx.res, 201, created)
}

export async function revoke(ctx: Ctx): Promise<void> {
  const [id, linkId] = ctx.params
  const link = (await ctx.deps.store.listLinks(id)).find((l) => l.id === linkId)
  if (!link) throw new HttpError(404, ERROR_CODE.notFound, 'no such link')
  const at = Date.now()
  const revokedAt = (await ctx.deps.store.revokeLink(id, linkId, at)) ? at : link.revokedAt
  const closed = ctx.deps.rooms.closeLink(id, linkId, 'revoked')
  const body: RevokedLink = { linkId, revokedAt: iso(revokedAt), closed }
  sendJson(ctx.res, 200, body)
}
