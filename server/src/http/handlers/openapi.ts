import { roadmapJsonSchema } from '@meridian/model'
import { openApiDocument } from '@meridian/protocol'
import type { Ctx } from '../context.js'
import { sendJson } from '../respond.js'

let document: unknown = null

/** `GET /api/openapi.json`: the contract's description of this API (built once). */
export async function openapi(ctx: Ctx): Promise<void> {
  document ??= openApiDocument({ roadmapJson: roadmapJsonSchema })
  sendJson(ctx.res, 200, document)
}
