// The OpenAPI 3.1 description of the HTTP API, written from OPERATIONS and the zod schemas.
// OpenAPI 3.1 schemas are JSON Schema 2020-12, which is what `z.toJSONSchema` writes.
import { z } from 'zod'
import { ErrorBody } from './errors.js'
import { ID_PATTERN } from './ids.js'
import { OPERATIONS } from './operations.js'
import { SCHEMAS } from './registry.js'
import type { Operation } from './operations.js'

type Json = Record<string, unknown>

/** The named schemas (registry.ts), each without the `$id`/`$schema` a standalone one has. */
function components(io: 'input' | 'output'): Record<string, Json> {
  const { schemas } = z.toJSONSchema(SCHEMAS, {
    io,
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  })
  const out: Record<string, Json> = {}
  for (const [id, schema] of Object.entries(schemas)) {
    const { $id: _id, $schema: _schema, ...rest } = schema as Json
    out[id] = rest
  }
  return out
}

const ref = (schema: z.ZodType): Json => {
  const id = SCHEMAS.get(schema)?.id
  if (!id) throw new Error('every schema in OPERATIONS is named (registry.ts)')
  return { $ref: `#/components/schemas/${id}` }
}

function operation(name: string, op: Operation): Json {
  const params: Json[] = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string', pattern: ID_PATTERN.source },
  }))
  for (const [q, spec] of Object.entries(op.query ?? {}))
    params.push({
      name: q,
      in: 'query',
      required: false,
      schema: { type: 'string', ...(spec.enum ? { enum: [...spec.enum] } : {}) },
      description: spec.description,
    })
  const content: Json = {}
  if (op.response) content['application/json'] = { schema: ref(op.response) }
  for (const type of op.text ?? []) content[type] ??= { schema: { type: 'string' } }
  return {
    operationId: name,
    summary: op.summary,
    ...(op.auth ? { security: [{ bearer: [] }, { query: [] }] } : {}),
    ...(op.auth && op.auth !== 'token' ? { description: `Needs the ${op.auth} role.` } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            ...(op.bodyDescription ? { description: op.bodyDescription } : {}),
            content: { 'application/json': { schema: ref(op.body) } },
          },
        }
      : {}),
    responses: {
      [String(op.status)]: { description: op.summary, content },
      default: {
        description: 'A refusal: see `code`, and `reason` for a refused link',
        content: { 'application/json': { schema: ref(ErrorBody) } },
      },
    },
  }
}

/** The version of this description; raised with every change of the contract. */
export const API_VERSION = '0.1.0'

export interface OpenApiOptions {
  /**
   * The roadmap export's schema (packages/model `roadmapJsonSchema`), given by the server:
   * this package does not depend on the model, whose export it otherwise describes only as
   * an object.
   */
  roadmapJson?: z.ZodType
}

/** The whole document. */
export function openApiDocument(options: OpenApiOptions = {}): Json {
  const paths: Record<string, Json> = {}
  for (const [name, op] of Object.entries(OPERATIONS) as Array<[string, Operation]>) {
    paths[op.path] ??= {}
    paths[op.path][op.method.toLowerCase()] = operation(name, op)
  }
  // Request bodies are described as accepted (input), responses as sent (output); no schema
  // id is used as both.
  const schemas = components('output')
  const inputs = components('input')
  for (const op of Object.values(OPERATIONS) as Operation[]) {
    const id = op.body && SCHEMAS.get(op.body)?.id
    if (id) schemas[id] = inputs[id]
  }
  if (options.roadmapJson) {
    // As accepted by an import; every export is importable, so it describes exports too. Its
    // own `$id` makes its internal `#/$defs/…` references resolve inside it.
    const { $schema: _schema, ...rest } = z.toJSONSchema(options.roadmapJson, {
      io: 'input',
      unrepresentable: 'any',
    }) as Json
    schemas.RoadmapJson = { $id: 'urn:meridian:roadmap-json', ...rest }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Meridian HTTP API',
      version: API_VERSION,
      description:
        'Roadmaps, share links, snapshots and derived views. A token is sent as ' +
        '`Authorization: Bearer …` or `?token=`. Live editing is a WebSocket at `/ws/{id}`.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        query: { type: 'apiKey', in: 'query', name: 'token' },
      },
    },
  }
}
