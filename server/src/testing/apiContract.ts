// Checks real responses against the OpenAPI description the server serves: each response's
// body must validate (ajv, JSON Schema 2020-12) against the schema of its operation and
// status, and every operation must have been seen answering with its success status.
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { ID_PATTERN } from '@meridian/protocol'

/** The parts of the description this checker reads. */
export interface OpenApiDoc {
  paths: Record<string, Record<string, OperationDoc>>
  components: { schemas: Record<string, unknown> }
}
interface OperationDoc {
  operationId: string
  responses: Record<string, { content: Record<string, { schema: unknown }> }>
}

const ID = ID_PATTERN.source.slice(1, -1)

export class ApiContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true })
  private readonly ops: Array<{ pattern: RegExp; method: string; op: OperationDoc }> = []
  private readonly succeeded = new Set<string>()
  private readonly compiled = new Map<string, ValidateFunction>()

  constructor(doc: OpenApiDoc) {
    addFormats.default(this.ajv)
    this.ajv.addSchema({ $id: 'openapi', components: doc.components })
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(methods))
        this.ops.push({
          pattern: new RegExp(`^${path.replace(/\{\w+\}/g, ID)}$`),
          method: method.toUpperCase(),
          op,
        })
  }

  /** Problems with one response (empty when it matches the description). */
  check(method: string, url: string, status: number, contentType: string, body: unknown): string[] {
    const pathname = new URL(url, 'http://x').pathname
    const found = this.ops.find((o) => o.method === method && o.pattern.test(pathname))
    // A method a described path does not take: a 405 in the error envelope of that path.
    const samePath = this.ops.find((o) => o.pattern.test(pathname))
    if (!found && !(samePath && status === 405))
      return [`${method} ${pathname}: no operation describes it`]
    const op = found?.op ?? samePath!.op
    const response = (found && op.responses[String(status)]) || op.responses.default
    if (!response) return [`${op.operationId}: status ${status} is not described`]
    const type = contentType.split(';')[0].trim()
    const media = response.content[type]
    if (!media) return [`${op.operationId} ${status}: content type ${type} is not described`]
    if (found && op.responses[String(status)]) this.succeeded.add(op.operationId)
    const schema = refOf(media.schema)
    const key = JSON.stringify(schema)
    let validate = this.compiled.get(key)
    if (!validate) this.compiled.set(key, (validate = this.ajv.compile(schema)))
    if (validate(body)) return []
    return (validate.errors ?? []).map(
      (e) => `${op.operationId} ${status}: ${e.instancePath || '(body)'} ${e.message ?? ''}`,
    )
  }

  /** Operations never seen answering with their success status. */
  unexercised(): string[] {
    const all = this.ops.map((o) => o.op.operationId)
    return all.filter((id) => !this.succeeded.has(id))
  }
}

/** A schema of the document, as seen from a schema whose base is the document. */
function refOf(schema: unknown): Record<string, unknown> {
  const s = schema as { $ref?: string }
  return s.$ref ? { $ref: `openapi${s.$ref}` } : (schema as Record<string, unknown>)
}
