// Share links: list with live connections, create, revoke (closing the link's sockets), and
// a new token for a link (the old token stops working; its sockets are closed too).
import { CreateLinkBody, ERROR_CODE } from '@meridian/protocol'
import type { CreatedLink, LinkList, RevokedLink } from '@meridian/protocol'
import { newLink } from '../../auth/newLink.js'
import { hashToken } from '../../auth/tokens.js'
import { newToken } from '../../ids.js'
import type { LinkRecord } from '../../store/store.js'
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
      personName: l.personName,
      createdAt: iso(l.createdAt),
      expiresAt: iso(l.expiresAt),
      revokedAt: iso(l.revokedAt),
      active: l.revokedAt === null && (l.expiresAt === null || l.expiresAt > now),
      connections: live.get(l.id) ?? 0,
    })),
  }
  sendJson(ctx.res, 200, body)
}

function created(ctx: Ctx, link: LinkRecord, token: string): CreatedLink {
  const base = originOf(ctx.req)
  const id = link.roadmapId
  return {
    linkId: link.id,
    role: link.role,
    label: link.label,
    personName: link.personName,
    token,
    url: `${base}/r/${id}?token=${token}`,
    embedUrl: `${base}/embed/${id}?token=${token}`,
    expiresAt: iso(link.expiresAt),
    createdAt: new Date(link.createdAt).toISOString(),
  }
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
  const { token, link } = newLink(
    id,
    body.role,
    body.label ?? null,
    expiresAt,
    now,
    body.personName ?? null,
  )
  await ctx.deps.store.createLink(link)
  sendJson(ctx.res, 201, created(ctx, link, token))
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

/**
 * Only token hashes are stored, so a link's address can be shown again only by giving the
 * link a new token: same id, role, label, person and expiry; the old address stops working.
 */
export async function reissue(ctx: Ctx): Promise<void> {
  const [id, linkId] = ctx.params
  const link = (await ctx.deps.store.listLinks(id)).find((l) => l.id === linkId)
  if (!link || link.revokedAt !== null)
    throw new HttpError(404, ERROR_CODE.notFound, 'no such link')
  const token = newToken()
  if (!(await ctx.deps.store.reissueLink(id, linkId, hashToken(token))))
    throw new HttpError(404, ERROR_CODE.notFound, 'no such link')
  ctx.deps.rooms.closeLink(id, linkId, 'revoked')
  sendJson(ctx.res, 200, created(ctx, link, token))
}
