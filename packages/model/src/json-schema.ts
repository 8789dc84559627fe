// The zod schema of the roadmap JSON export (`exportRoadmap` writes it, `importRoadmap`
// validates against it before touching any doc). Known fields are typed; unknown fields
// are any JSON, with Yjs tags (see yjs-json.ts) checked too.

import { z } from 'zod'
import { diffDays, MAX_FEATURE_DAYS, planDateProblem } from './dates.js'
import {
  DIRECTION,
  FEATURE_STATUS,
  GOAL_STATUS,
  HEALTH,
  ITEM_STATUS,
  MILESTONE_STATUS,
  RESOURCE_KIND,
  RISK_STATUS,
} from './schema.js'
import { taggedOf } from './yjs-json.js'
import type { DeltaOp, JsonValue, RichElement, RichNode, RichTextNode } from './yjs-json.js'

export const EXPORT_FORMAT = 'meridian-roadmap'
export const EXPORT_VERSION = 1

type Path = Array<string | number>

const jsonObject = z.record(z.string(), z.json())
const isoDate = z.string().superRefine((value, ctx) => {
  const problem = planDateProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})
const nullableDate = isoDate.nullable()
const nullableNumber = z.number().nullable()
const ref = z.string()
const nullableRef = z.string().nullable()
const refs = z.array(z.string())
const score = z.number().int().min(1).max(5)
const vocabulary = <T extends string>(values: Record<string, T>) =>
  z.enum(Object.values(values) as [T, ...T[]])

const deltaOp: z.ZodType<DeltaOp> = z.strictObject({
  insert: z.union([z.string(), jsonObject]),
  attributes: jsonObject.optional(),
})
const richText: z.ZodType<RichTextNode> = z.strictObject({
  type: z.literal('text'),
  delta: z.array(deltaOp),
  attrs: jsonObject.optional(),
})
const richElement: z.ZodType<RichElement> = z.strictObject({
  type: z.literal('element'),
  name: z.string().min(1),
  attrs: jsonObject.optional(),
  get children(): z.ZodArray<z.ZodType<RichNode>> {
    return z.array(richNode)
  },
})
const richNode: z.ZodType<RichNode> = z.discriminatedUnion('type', [
  richElement as z.ZodType<RichElement> & z.ZodObject,
  richText as z.ZodType<RichTextNode> & z.ZodObject,
])
export const richTextSchema = z.array(richNode)

/** Checks the tagged Yjs values inside an unknown field; the first problem, or null. */
function checkEncoded(value: unknown, path: Path): { path: Path; message: string } | null {
  const tagged = taggedOf(value)
  if (!tagged) return null
  const [tag, content] = tagged
  const at = [...path, tag]
  const fromZod = (schema: z.ZodType, data: unknown) => {
    const result = schema.safeParse(data)
    if (result.success) return null
    const issue = result.error.issues[0]!
    return { path: [...at, ...(issue.path as Path)], message: issue.message }
  }
  switch (tag) {
    case '$json':
      return fromZod(jsonObject, content)
    case '$binary':
      return fromZod(z.base64(), content)
    case '$richText':
      return fromZod(richTextSchema, content)
    case '$xmlElement':
      return fromZod(richElement, content)
    case '$xmlText':
      return fromZod(richText, content)
    case '$text':
      return fromZod(z.array(deltaOp), content)
    case '$array': {
      if (!Array.isArray(content)) return { path: at, message: 'Expected an array' }
      for (let i = 0; i < content.length; i++) {
        const problem = checkEncoded(content[i], [...at, i])
        if (problem) return problem
      }
      return null
    }
    case '$map': {
      const notObject = fromZod(jsonObject, content)
      if (notObject) return notObject
      for (const [key, child] of Object.entries(content as Record<string, JsonValue>)) {
        const problem = checkEncoded(child, [...at, key])
        if (problem) return problem
      }
      return null
    }
    default: {
      const unreachable: never = tag
      return { path: at, message: `Unknown tag ${String(unreachable)}` }
    }
  }
}

const unknownField = z.json().superRefine((value, ctx) => {
  const problem = checkEncoded(value, [])
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path })
})

function entity<T extends z.ZodRawShape>(shape: T) {
  return z.object({ id: z.string().optional(), ...shape }).catchall(unknownField)
}

function collection<T extends z.ZodType<{ id?: string | undefined }>>(entry: T) {
  return z
    .record(z.string().min(1, { error: 'Ids must not be empty' }), entry)
    .superRefine((records, ctx) => {
      for (const [key, value] of Object.entries(records)) {
        if (value.id !== undefined && value.id !== key) {
          ctx.addIssue({
            code: 'custom',
            message: `Expected the id of its key, ${JSON.stringify(key)}`,
            path: [key, 'id'],
          })
        }
      }
    })
    .optional()
}

export const laneJson = entity({
  name: z.string().optional(),
  color: z.string().optional(),
  rank: z.string().optional(),
  collapsed: z.boolean().optional(),
})

export const featureJson = entity({
  laneId: ref.optional(),
  title: z.string().optional(),
  start: nullableDate.optional(),
  end: nullableDate.optional(),
  status: vocabulary(FEATURE_STATUS).optional(),
  health: vocabulary(HEALTH).optional(),
  rank: z.string().optional(),
  goalIds: refs.optional(),
  resourceIds: refs.optional(),
  dependsOn: refs.optional(),
  estimate: nullableNumber.optional(),
  reach: nullableNumber.optional(),
  impact: nullableNumber.optional(),
  confidence: nullableNumber.optional(),
  effort: nullableNumber.optional(),
  horizon: z.enum(['now', 'next', 'later']).nullable().optional(),
  description: richTextSchema.optional(),
}).superRefine((feature, ctx) => {
  const { start, end } = feature
  if (start && end && start <= end && diffDays(end, start) + 1 > MAX_FEATURE_DAYS) {
    ctx.addIssue({
      code: 'custom',
      message: `A feature runs at most ${MAX_FEATURE_DAYS} days (10 years)`,
      path: ['end'],
    })
  }
})

export const milestoneJson = entity({
  title: z.string().optional(),
  date: nullableDate.optional(),
  laneId: nullableRef.optional(),
  status: vocabulary(MILESTONE_STATUS).optional(),
})

export const goalJson = entity({
  title: z.string().optional(),
  rank: z.string().optional(),
  status: vocabulary(GOAL_STATUS).optional(),
  description: richTextSchema.optional(),
})

export const indicatorJson = entity({
  name: z.string().optional(),
  unit: z.string().optional(),
  baseline: nullableNumber.optional(),
  target: nullableNumber.optional(),
  current: nullableNumber.optional(),
  direction: vocabulary(DIRECTION).optional(),
  goalId: nullableRef.optional(),
  history: z.array(z.strictObject({ date: isoDate, value: z.number() })).optional(),
})

export const riskJson = entity({
  title: z.string().optional(),
  likelihood: score.optional(),
  impact: score.optional(),
  status: vocabulary(RISK_STATUS).optional(),
  ownerId: nullableRef.optional(),
  mitigation: z.string().optional(),
  featureIds: refs.optional(),
})

export const resourceJson = entity({
  name: z.string().optional(),
  kind: vocabulary(RESOURCE_KIND).optional(),
  role: z.string().optional(),
  capacity: nullableNumber.optional(),
})

export const itemJson = entity({
  featureId: ref.optional(),
  title: z.string().optional(),
  status: vocabulary(ITEM_STATUS).optional(),
  assigneeId: nullableRef.optional(),
  estimate: nullableNumber.optional(),
  rank: z.string().optional(),
  acceptedAt: z.string().nullable().optional(),
  acceptedBy: z.string().nullable().optional(),
})

export const metaJson = z
  .object({
    schemaVersion: z.number().int().min(1).optional(),
    title: z.string().optional(),
    horizonStart: nullableDate.optional(),
    horizonEnd: nullableDate.optional(),
  })
  .catchall(unknownField)

export const roadmapJsonSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, {
    error: `Expected "${EXPORT_FORMAT}": not a Meridian roadmap export`,
  }),
  version: z.literal(EXPORT_VERSION, {
    error: `Unsupported export version (this version reads ${EXPORT_VERSION})`,
  }),
  meta: metaJson,
  strategy: richTextSchema.optional(),
  lanes: collection(laneJson),
  features: collection(featureJson),
  milestones: collection(milestoneJson),
  goals: collection(goalJson),
  indicators: collection(indicatorJson),
  risks: collection(riskJson),
  resources: collection(resourceJson),
  items: collection(itemJson),
})

export type ParsedRoadmapJson = z.infer<typeof roadmapJsonSchema>
