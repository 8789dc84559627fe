// A large, seeded roadmap for benchmarks and load tests (2,000 features in 40 lanes and
// more). Written straight into the Y.Doc in one transaction (origin `'large'`): going
// through `Roadmap` would re-rank the siblings on every create, which is quadratic. The
// entities have every schema field, as `Roadmap` writes them, and seeded ids, so the same
// options always build the same document.

import { generateNKeysBetween } from 'fractional-indexing'
import * as Y from 'yjs'
import { collectionOf, metaMap } from './collections.js'
import { addDays } from './dates.js'
import { weekStart } from './deriveCommon.js'
import { createPrng } from './prng.js'
import type { Prng } from './prng.js'
import { SCHEMA_VERSION } from './schema.js'
import type { EntityKind, FeatureStatus, Health, IsoDate, ItemStatus } from './schema.js'

export interface LargeOptions {
  features: number
  lanes: number
  seed: number
  /** Anchor of the dates (a year around it); default 2026-01-05. */
  today?: IsoDate
}

export interface LargeSummary {
  features: number
  lanes: number
  items: number
  resources: number
  risks: number
}

const ID_ALPHABET = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict'
const COLORS = [
  '#6366f1',
  '#10b981',
  '#f59e0b',
  '#0ea5e9',
  '#ec4899',
  '#8b5cf6',
  '#14b8a6',
  '#ef4444',
]
const WORDS = [
  'Billing',
  'Search',
  'Export',
  'Sharing',
  'Alerts',
  'Reports',
  'Sync',
  'Audit',
  'Roles',
  'Import',
  'Mobile',
  'Charts',
  'Cache',
  'Webhooks',
  'Themes',
  'Onboarding',
]
const VERBS = [
  'Redesign',
  'Speed up',
  'Extend',
  'Rebuild',
  'Localise',
  'Harden',
  'Automate',
  'Simplify',
]
const FEATURE_STATUSES: readonly FeatureStatus[] = [
  'planned',
  'planned',
  'in-progress',
  'done',
  'cancelled',
]
const HEALTHS: readonly Health[] = ['on-track', 'on-track', 'on-track', 'at-risk', 'off-track']
const ITEM_STATUSES: readonly ItemStatus[] = ['todo', 'in-progress', 'in-review', 'done']

export function largeRoadmap(doc: Y.Doc, options: LargeOptions): LargeSummary {
  const prng = createPrng(options.seed)
  const monday = weekStart(options.today ?? '2026-01-05')
  const featureCount = Math.max(0, Math.floor(options.features))
  const laneCount = Math.max(1, Math.floor(options.lanes))
  const resourceCount = Math.max(8, Math.ceil(featureCount / 30))
  const id = () => seededId(prng)
  let itemCount = 0
  let riskCount = 0

  doc.transact(() => {
    const meta = metaMap(doc)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('title', `Large roadmap (${featureCount} features, seed ${options.seed})`)
    meta.set('horizonStart', addDays(monday, -26 * 7))
    meta.set('horizonEnd', addDays(monday, 26 * 7 - 3))

    const put = (kind: EntityKind, fields: Record<string, unknown>): string => {
      const entityId = id()
      const map = new Y.Map<unknown>()
      collectionOf(doc, kind).set(entityId, map)
      map.set('id', entityId)
      for (const [key, value] of Object.entries(fields)) map.set(key, value)
      return entityId
    }

    const laneRanks = generateNKeysBetween(null, null, laneCount)
    const lanes = laneRanks.map((rank, index) =>
      put('lanes', { name: `Lane ${index + 1}`, color: COLORS[index % COLORS.length], rank }),
    )
    const resources = Array.from({ length: resourceCount }, (_, index) =>
      put('resources', {
        name: `Person ${index + 1}`,
        kind: index % 10 === 9 ? 'team' : 'person',
        role: index % 10 === 9 ? 'Squad' : 'Engineer',
        capacity: index % 10 === 9 ? 30 : 8,
      }),
    )
    const goalRanks = generateNKeysBetween(null, null, 10)
    const goals = goalRanks.map((rank, index) =>
      put('goals', {
        title: `Goal ${index + 1}`,
        rank,
        status: 'active',
        description: new Y.XmlFragment(),
      }),
    )
    for (let index = 0; index < 20; index += 1) {
      const baseline = prng.int(10, 100)
      const history = new Y.Array<unknown>()
      put('indicators', {
        name: `Indicator ${index + 1}`,
        unit: '%',
        baseline,
        target: baseline + prng.int(5, 50),
        current: baseline,
        direction: 'increase',
        goalId: goals[index % goals.length],
        history,
      })
      history.push(
        Array.from({ length: 8 }, (_, i) => ({
          date: addDays(monday, (i - 8) * 14),
          value: baseline + i,
        })),
      )
    }

    const featureRanks = generateNKeysBetween(null, null, featureCount)
    const features: string[] = []
    featureRanks.forEach((rank, index) => {
      const week = prng.int(-26, 22)
      const start = addDays(monday, week * 7)
      const dependsOn = index > 0 && prng.chance(0.2) ? [features[prng.int(0, index - 1)]] : []
      const featureId = put('features', {
        laneId: lanes[prng.int(0, laneCount - 1)],
        title: `${prng.pick(VERBS)} ${prng.pick(WORDS).toLowerCase()} ${index + 1}`,
        start,
        end: addDays(start, prng.int(1, 8) * 7 - 3),
        status: week < -4 ? 'done' : prng.pick(FEATURE_STATUSES),
        health: prng.pick(HEALTHS),
        rank,
        goalIds: [goals[prng.int(0, goals.length - 1)]],
        resourceIds: [resources[prng.int(0, resourceCount - 1)]],
        dependsOn,
        estimate: prng.int(3, 40),
        reach: prng.int(100, 5000),
        impact: prng.pick([0.5, 1, 2, 3]),
        confidence: prng.pick([50, 80, 100]),
        effort: prng.int(1, 6),
        description: new Y.XmlFragment(),
      })
      features.push(featureId)
      const itemRanks = generateNKeysBetween(null, null, prng.int(0, 5))
      for (const itemRank of itemRanks) {
        const status = prng.pick(ITEM_STATUSES)
        put('items', {
          featureId,
          title: `Task ${itemCount + 1}`,
          status,
          assigneeId: prng.chance(0.9) ? resources[prng.int(0, resourceCount - 1)] : null,
          estimate: prng.chance(0.9) ? prng.int(1, 8) : null,
          rank: itemRank,
          acceptedAt: status === 'done' ? `${addDays(start, 3)}T12:00:00.000Z` : null,
          acceptedBy: status === 'done' ? 'Product owner' : null,
        })
        itemCount += 1
      }
    })

    for (let index = 0; index < Math.ceil(featureCount / 10); index += 1) {
      put('risks', {
        title: `Risk ${index + 1}`,
        likelihood: prng.int(1, 5),
        impact: prng.int(1, 5),
        status: prng.pick(['open', 'open', 'mitigating', 'closed']),
        ownerId: resources[prng.int(0, resourceCount - 1)],
        mitigation: '',
        featureIds: featureCount > 0 ? [features[prng.int(0, featureCount - 1)]] : [],
      })
      riskCount += 1
    }
    for (let index = 0; index < laneCount; index += 1) {
      put('milestones', {
        title: `Milestone ${index + 1}`,
        date: addDays(monday, prng.int(-20, 30) * 7),
        laneId: lanes[index],
        status: 'upcoming',
      })
    }
  }, 'large')

  return {
    features: featureCount,
    lanes: laneCount,
    items: itemCount,
    resources: resourceCount,
    risks: riskCount,
  }
}

function seededId(prng: Prng): string {
  let out = ''
  for (let i = 0; i < 21; i += 1) out += ID_ALPHABET[Math.floor(prng.next() * 64)]
  return out
}
