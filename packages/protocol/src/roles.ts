// What a share link grants on one roadmap, strongest first. A commenter reads what a viewer
// reads and may write comments under its own name, nothing else (the server checks each
// update: server/README.md, "Roles").
export const ROLE = {
  owner: 'owner',
  editor: 'editor',
  commenter: 'commenter',
  viewer: 'viewer',
} as const
export type Role = (typeof ROLE)[keyof typeof ROLE]
export const ROLES: readonly [Role, ...Role[]] = [
  ROLE.owner,
  ROLE.editor,
  ROLE.commenter,
  ROLE.viewer,
]

const RANK: Record<Role, number> = { viewer: 1, commenter: 2, editor: 3, owner: 4 }

/** Whether `role` may do what needs `min` (an owner may do everything an editor may). */
export const atLeast = (role: Role, min: Role): boolean => RANK[role] >= RANK[min]

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && Object.hasOwn(RANK, value)
