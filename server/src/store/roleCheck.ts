// The links table's check on `role`, written from the protocol's list of roles (one list),
// and how each SQL store brings an older database's check up to it.
import type Database from 'better-sqlite3'
import { ROLES } from '@meridian/protocol'

export const ROLE_CHECK = `CHECK (role IN (${ROLES.map((r) => `'${r}'`).join(', ')}))`

/**
 * PostgreSQL: the named constraint is replaced, so a database made before a role existed
 * accepts it (idempotent; runs under the schema lock).
 */
export const POSTGRES_ROLE_CHECK = `
ALTER TABLE links DROP CONSTRAINT IF EXISTS links_role_check;
ALTER TABLE links ADD CONSTRAINT links_role_check ${ROLE_CHECK};
`

/**
 * SQLite cannot alter a check: a links table whose check lacks a role is rebuilt with the
 * current one, rows and rowids (the order links are listed in) kept, in one transaction.
 */
export function upgradeSqliteRoleCheck(db: Database.Database, createLinks: string): void {
  const row = db
    .prepare<[], { sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'links'",
    )
    .get()
  if (row === undefined || ROLES.every((r) => row.sql.includes(`'${r}'`))) return
  db.transaction(() => {
    db.exec('ALTER TABLE links RENAME TO links_before_roles')
    db.exec(createLinks)
    db.exec(
      'INSERT INTO links (rowid, id, roadmap_id, role, token_hash, label, person_name, expires_at, revoked_at, created_at) ' +
        'SELECT rowid, id, roadmap_id, role, token_hash, label, person_name, expires_at, revoked_at, created_at FROM links_before_roles',
    )
    db.exec('DROP TABLE links_before_roles')
    db.exec('CREATE INDEX IF NOT EXISTS links_by_roadmap ON links (roadmap_id, created_at)')
  })()
}
