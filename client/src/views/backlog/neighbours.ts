/**
 * For a keyboard move of `ids[index]` one step up (-1) or down (+1): the id that will be
 * right before it afterwards (`null` = first), or `undefined` when it cannot move.
 */
export function neighbourBefore(
  ids: readonly string[],
  index: number,
  direction: -1 | 1,
): string | null | undefined {
  if (index < 0) return undefined
  if (direction === -1) return index === 0 ? undefined : (ids[index - 2] ?? null)
  return index >= ids.length - 1 ? undefined : ids[index + 1]
}
