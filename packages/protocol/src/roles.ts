// What a share link grants on one roadmap, weakest first.
export const ROLE = {
  owner: 'owner',
  editor: 'editor',
  viewer: 'viewer',
} as const
export type Role = (typeof ROLE)[keyof typeof ROLE]
export const ROLES: readonly [Role, ...Role[]] = [ROLE.owner, ROLE.editor, ROLE.viewer]

const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 }

/** Whether `role` may do what needs `min` (an owner may do everything an editor may). */
export const atLeast = (role: Role, min: Role): boolean => RANK[role] >= RANK[min]

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && Object.hasOwn(RANK, value)
