// Start-up checks of the SQLite database: a damaged file must not come up as an empty or
// partial store that then serves (and overwrites) what is left, and a database that lost
// everything must not come up silently.
import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'

/** Written into the data directory once it holds a roadmap; never removed by the server. */
export const HELD_ROADMAPS_MARKER = '.meridian-held-roadmaps'

/** The database file failed its integrity check (or could not be read at all). */
export class DatabaseCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(
      `the database ${file} is damaged (${detail}). Refusing to start: serving it could ` +
        `overwrite what is left. Restore it from a backup, or move it away to start empty.`,
    )
    this.name = 'DatabaseCorruptError'
  }
}

/**
 * `PRAGMA quick_check` (every page and index structure, without the slower index-content
 * comparison of integrity_check); throws DatabaseCorruptError unless it answers `ok`.
 */
export function assertIntact(db: Database.Database, file: string): void {
  let rows: unknown[]
  try {
    rows = db.pragma('quick_check(5)') as unknown[]
  } catch (e) {
    throw new DatabaseCorruptError(file, e instanceof Error ? e.message : String(e))
  }
  const messages = rows.map((row) => Object.values(row as Record<string, unknown>).join(' '))
  if (messages.length !== 1 || messages[0] !== 'ok') {
    throw new DatabaseCorruptError(file, messages.join('; ') || 'no answer to quick_check')
  }
}

/** Marks `dataDir` as one that held roadmaps (see `heldRoadmaps`). */
export function markHeldRoadmaps(dataDir: string): void {
  fs.writeFileSync(path.join(dataDir, HELD_ROADMAPS_MARKER), 'This directory held roadmaps.\n')
}

/** Whether `dataDir` held roadmaps at some point: a database without any then lost them. */
export function heldRoadmaps(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, HELD_ROADMAPS_MARKER))
}
