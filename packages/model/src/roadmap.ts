// `Roadmap`: the one write API over a roadmap Y.Doc. Every method runs in one transaction
// carrying the origin given here; `transact` groups several calls into one.

import type * as Y from 'yjs'
import { metaMap } from './collections.js'
import { createContext } from './context.js'
import type { Origin, WriteContext } from './context.js'
import { EntityCollection, writeField } from './entity-collection.js'
import { FeatureCollection } from './features.js'
import { GoalCollection } from './goals.js'
import { IndicatorCollection } from './indicators.js'
import { ItemCollection } from './items.js'
import { LaneCollection } from './lanes.js'
import { MilestoneCollection } from './milestones.js'
import type { Problem } from './problems.js'
import { readMeta } from './read.js'
import { repairProblem } from './repair.js'
import { ROOT, SCHEMA_VERSION } from './schema.js'
import type { RoadmapData, RoadmapMeta } from './schema.js'
import { recordDateChangesSince } from './slipLedger.js'
import type {
  MetaInput,
  MetaPatch,
  ResourceInput,
  ResourcePatch,
  RiskInput,
  RiskPatch,
} from './inputs.js'

export interface RoadmapOptions {
  /** Carried by every transaction this instance makes. */
  origin: Origin
  /** Entity ids (default: nanoid). Seeded generators and tests pass a deterministic one. */
  createId?: () => string
  /** Who writes: recorded with every date change in the slip ledger. */
  author?: string
  /** The clock of the slip ledger (default: the system clock); tests pass a fixed one. */
  now?: () => string
}

export class Roadmap {
  readonly doc: Y.Doc
  readonly origin: Origin
  readonly lanes: LaneCollection
  readonly features: FeatureCollection
  readonly milestones: MilestoneCollection
  readonly goals: GoalCollection
  readonly indicators: IndicatorCollection
  readonly risks: EntityCollection<'risks', RiskInput, RiskPatch>
  readonly resources: EntityCollection<'resources', ResourceInput, ResourcePatch>
  readonly items: ItemCollection
  private readonly ctx: WriteContext

  constructor(doc: Y.Doc, options: RoadmapOptions) {
    this.doc = doc
    this.origin = options.origin
    this.ctx = createContext(
      doc,
      options.origin,
      options.createId,
      options.author ?? null,
      options.now,
    )
    this.lanes = new LaneCollection(this.ctx, 'lanes')
    this.features = new FeatureCollection(this.ctx, 'features')
    this.milestones = new MilestoneCollection(this.ctx, 'milestones')
    this.goals = new GoalCollection(this.ctx, 'goals')
    this.indicators = new IndicatorCollection(this.ctx, 'indicators')
    this.risks = new EntityCollection(this.ctx, 'risks')
    this.resources = new EntityCollection(this.ctx, 'resources')
    this.items = new ItemCollection(this.ctx, 'items')
  }

  /** Who writes from now on (a person renamed themselves): what the slip ledger records next. */
  setAuthor(author: string | null): void {
    this.ctx.author = author
  }

  /** Marks the doc as a schema-v1 roadmap and sets its title and horizon. */
  init(input: MetaInput): void {
    this.ctx.transact(() => {
      const meta = metaMap(this.doc)
      meta.set('schemaVersion', SCHEMA_VERSION)
      meta.set('title', input.title)
      // Horizons not given are left as they are (null on a new doc).
      for (const key of ['horizonStart', 'horizonEnd'] as const) {
        if (input[key] !== undefined) meta.set(key, input[key])
        else if (!meta.has(key)) meta.set(key, null)
      }
    })
  }

  /** Writes only the given meta fields. */
  setMeta(patch: MetaPatch): void {
    this.ctx.transact(() => {
      const meta = metaMap(this.doc)
      for (const [key, value] of Object.entries(patch)) writeField(meta, key, value)
    })
  }

  meta(): RoadmapMeta {
    return readMeta(this.doc)
  }

  /**
   * Fixes a dangling reference from `problems()`: drops it (a list entry, an optional
   * reference) or points it at `replacement` (required for a feature's lane and an item's
   * feature). False when nothing was written (already fixed, entity gone, no replacement).
   */
  repair(problem: Problem, replacement?: string): boolean {
    return repairProblem(this.ctx, problem, replacement)
  }

  /**
   * Records in the slip ledger every feature and milestone date that differs from `before`
   * (a `readRoadmap` taken earlier): for writes made outside this API, such as restoring a
   * snapshot. Returns how many entries were written.
   */
  recordDateChanges(before: RoadmapData): number {
    return this.ctx.transact(() => recordDateChangesSince(this.ctx, before))
  }

  /** The vision and strategy rich text. */
  strategy(): Y.XmlFragment {
    return this.doc.getXmlFragment(ROOT.strategy)
  }

  /** Runs `fn` as one transaction (one undo step, one update) with this origin. */
  transact<T>(fn: (roadmap: this) => T): T {
    return this.ctx.transact(() => fn(this))
  }
}
