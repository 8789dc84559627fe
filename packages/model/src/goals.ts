import { DescribedCollection } from './described-collection.js'
import type { GoalInput, GoalPatch } from './inputs.js'

/** Goals, in rank order, each with a rich-text description (`description(id)`). */
export class GoalCollection extends DescribedCollection<'goals', GoalInput, GoalPatch> {}
