import type { ItemStatus } from '@meridian/model'

/** The item flow, in order. */
export const ITEM_FLOW: readonly ItemStatus[] = ['todo', 'in-progress', 'in-review', 'done']

export const ITEM_STATUS_LABEL: Record<ItemStatus, string> = {
  todo: 'To do',
  'in-progress': 'In progress',
  'in-review': 'In review',
  done: 'Done',
}
