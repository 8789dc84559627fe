// The API's route table: each operation of the contract (packages/protocol operations.ts)
// and the handler that answers it. Authorization by the operation's `auth` role happens in
// dispatch, before the handler runs.
import { ID_PATTERN, OPERATIONS } from '@meridian/protocol'
import type { Operation, OperationId } from '@meridian/protocol'
import type { Ctx } from './context.js'
import * as history from './handlers/history.js'
import * as links from './handlers/links.js'
import { openapi } from './handlers/openapi.js'
import * as roadmaps from './handlers/roadmaps.js'
import * as snapshots from './handlers/snapshots.js'
import { calendarIcs } from './exchange/calendar.js'
import { importCsv } from './exchange/importCsv.js'
import { recapMarkdown, recapPdf } from './exchange/recapPdf.js'
import { importCsvRoadmap } from './exchange/importCsvRoadmap.js'
import { reportPdf } from './exchange/reportPdf.js'
import { timelinePdf, timelinePng, timelineSvg } from './exchange/timeline.js'

export type Handler = (ctx: Ctx) => Promise<void>

/** /healthz and /metrics are answered before the API (http/handleHttp.ts). */
type ApiOperationId = Exclude<OperationId, 'health' | 'metrics'>

const HANDLERS: Record<ApiOperationId, Handler> = {
  openapi,
  createRoadmap: roadmaps.create,
  importRoadmap: roadmaps.importOne,
  importCsvRoadmap,
  session: roadmaps.session,
  roadmap: roadmaps.meta,
  backlog: roadmaps.backlog,
  report: roadmaps.report,
  export: roadmaps.exportOne,
  listSnapshots: snapshots.list,
  createSnapshot: snapshots.create,
  getSnapshot: snapshots.get,
  restoreSnapshot: snapshots.restore,
  compare: history.compare,
  restoreEntity: history.restoreEntity,
  deleteSnapshot: snapshots.remove,
  listLinks: links.list,
  createLink: links.create,
  revokeLink: links.revoke,
  timelineSvg,
  timelinePng,
  timelinePdf,
  reportPdf,
  recapPdf,
  recapMarkdown,
  calendar: calendarIcs,
  importCsv,
  reissueLink: links.reissue,
}

export interface Route {
  pattern: RegExp
  /** by HTTP method */
  methods: Map<string, { op: Operation; handler: Handler }>
}

const ID = `(${ID_PATTERN.source.slice(1, -1)})`

/** One route per path of the contract, its `{…}` parameters captured as ids. */
export const ROUTES: readonly Route[] = (() => {
  const byPath = new Map<string, Route>()
  for (const [id, handler] of Object.entries(HANDLERS) as Array<[ApiOperationId, Handler]>) {
    const op: Operation = OPERATIONS[id]
    let route = byPath.get(op.path)
    if (!route) {
      // Literal parts are escaped (`timeline.svg`); `{…}` parameters become id captures.
      const source = op.path
        .split(/\{\w+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join(ID)
      route = { pattern: new RegExp(`^${source}$`), methods: new Map() }
      byPath.set(op.path, route)
    }
    route.methods.set(op.method, { op, handler })
  }
  return [...byPath.values()]
})()
