import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { Roadmap } from '@meridian/model'
import * as Y from 'yjs'
import { SnapshotReader } from './snapshotReader.js'
import { exportOfState } from './snapshotExports.js'
import { SqliteStore } from './sqlite.js'
import { storeContract } from './store.contract.js'

const dirs: string[] = []
const tempDir = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-store-'))
  dirs.push(d)
  return d
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
})

storeContract('sqlite', async () => {
  const dir = tempDir()
  return {
    store: new SqliteStore({ dataDir: dir }),
    reopen: async () => new SqliteStore({ dataDir: dir }),
  }
})

describe('SqliteStore disk use', () => {
  it('returns the pages of a compacted log to the file system', async () => {
    const dir = tempDir()
    const store = new SqliteStore({ dataDir: dir })
    await store.createRoadmap({
      roadmap: { id: 'r', title: 't', createdAt: 1, updatedAt: 1 },
      links: [],
      state: null,
      stateVector: null,
    })
    const chunk = new Uint8Array(10_000).fill(7)
    for (let i = 0; i < 200; i++) await store.appendUpdates('r', [chunk], i)
    const { lastSeq } = await store.appendUpdates('r', [chunk], 1000)
    await store.compact('r', new Uint8Array(100_000).fill(1), Uint8Array.of(0), lastSeq)
    await store.checkpoint()
    const size = (f: string): number => (fs.existsSync(f) ? fs.statSync(f).size : 0)
    const db = path.join(dir, 'meridian.db')
    const total = size(db) + size(db + '-wal')
    // the kept state and 10 %, and the schema: a page or two per table and index
    expect(total).toBeLessThan(100_000 * 1.1 + 72 * 1024)
    await store.close()
  })
})

describe('SqliteStore large new roadmaps', () => {
  const input = (id: string, state: Uint8Array | null) => ({
    roadmap: { id, title: 't', createdAt: 1, updatedAt: 1 },
    links: [],
    state,
    stateVector: state && Uint8Array.of(0),
  })
  // an import's size: megabytes, not a multiple of the part size
  const large = (): Uint8Array => {
    const s = new Uint8Array(2_700_001)
    for (let i = 0; i < s.length; i++) s[i] = (i * 7919) >>> 5
    return s
  }

  it('writes a large state in parts, an edit elsewhere stored between them, and shows it only whole', async () => {
    const store = new SqliteStore({ dataDir: tempDir() })
    await store.createRoadmap(input('busy', null))
    const state = large()
    const seen: string[] = []
    const creating = store.createRoadmap(input('big', state)).then(() => seen.push('created'))
    // an edit of another roadmap, arriving while the import is written
    setImmediate(() => {
      void (async () => {
        await store.appendUpdates('busy', [Uint8Array.of(1)], 2)
        seen.push((await store.getRoadmap('big')) ? 'edit after' : 'edit before')
      })()
    })
    await creating
    expect(seen).toEqual(['edit before', 'created'])
    expect((await store.loadDoc('big')).state).toEqual(state)
    // compacted, it is one state again, and the parts are gone
    const whole = large().reverse()
    await store.compact('big', whole, Uint8Array.of(1), 0)
    expect((await store.loadDoc('big')).state).toEqual(whole)
    await store.close()
  })

  it('drops what it wrote when a part fails, and what a process ended mid-way left at the next start', async () => {
    const dir = tempDir()
    const store = new SqliteStore({ dataDir: dir, maxBytes: 1_500_000 })
    await expect(store.createRoadmap(input('big', large()))).rejects.toThrow(/full/i)
    await store.close()
    const raw = new Database(path.join(dir, 'meridian.db'))
    const parts = (): number =>
      (raw.prepare('SELECT count(*) AS n FROM state_parts').get() as { n: number }).n
    expect(parts()).toBe(0)
    // as a process that ended between two parts leaves them
    raw.prepare("INSERT INTO state_parts (roadmap_id, n, data) VALUES ('ghost', 0, x'0102')").run()
    raw.close()
    await new SqliteStore({ dataDir: dir }).close()
    const after = new Database(path.join(dir, 'meridian.db'))
    expect((after.prepare('SELECT count(*) AS n FROM state_parts').get() as { n: number }).n).toBe(
      0,
    )
    after.close()
  })
})

describe('SqliteStore snapshot migration', () => {
  it('opens snapshots stored before exports were kept from their state, and keeps new ones’', async () => {
    const dir = tempDir()
    const doc = new Y.Doc()
    const roadmap = new Roadmap(doc, { origin: 'test' })
    roadmap.init({ title: 'Before exports' })
    const snapshot = async (store: SqliteStore, id: string) => {
      const state = Y.encodeStateAsUpdate(doc)
      const meta = { id, roadmapId: 'r', name: id, kind: 'named' as const, createdAt: 1 }
      await store.createSnapshot({ ...meta, size: state.byteLength, state })
      return state
    }
    const store = new SqliteStore({ dataDir: dir })
    const oldState = await snapshot(store, 'old')
    await store.close()
    // A database from before exports: the snapshot row alone.
    const db = new Database(path.join(dir, 'meridian.db'))
    db.exec('DROP TABLE snapshot_exports')
    db.close()

    const upgraded = new SqliteStore({ dataDir: dir })
    expect(await upgraded.getSnapshotExport('r', 'old')).toBeUndefined()
    const opened = await new SnapshotReader(upgraded).readExported('r', 'old')
    expect(opened?.exported).toBe(exportOfState(oldState))
    roadmap.lanes.create({ name: 'Added after' })
    const newState = await snapshot(upgraded, 'new')
    expect((await upgraded.getSnapshotExport('r', 'new'))?.exported).toBe(exportOfState(newState))
    await upgraded.close()
  })

  it('reads snapshots stored whole before delta chains, and chains new ones onto them', async () => {
    const dir = tempDir()
    const old = new Database(path.join(dir, 'meridian.db'))
    // The snapshots table as it was before chains.
    old.exec(`CREATE TABLE snapshots (
      id TEXT PRIMARY KEY, roadmap_id TEXT NOT NULL, name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('auto', 'named')), created_at INTEGER NOT NULL,
      state BLOB NOT NULL)`)
    const first = new Uint8Array(4000).map((_, i) => (i * 31) % 256)
    old
      .prepare('INSERT INTO snapshots VALUES (?, ?, ?, ?, ?, ?)')
      .run('old', 'r', 'before the upgrade', 'named', 10, first)
    old.close()

    const store = new SqliteStore({ dataDir: dir })
    expect(await store.listSnapshots('r')).toEqual([
      {
        id: 'old',
        roadmapId: 'r',
        name: 'before the upgrade',
        kind: 'named',
        createdAt: 10,
        size: 4000,
        // Stored before editors were recorded: nobody is known.
        editors: [],
      },
    ])
    expect(Buffer.from((await store.getSnapshot('r', 'old'))!.state).equals(first)).toBe(true)
    const next = first.slice()
    next[100] = 7
    await store.appendUpdates('r', [Uint8Array.of(1)], 11, [{ linkId: 'l', name: 'Ana' }])
    await store.createSnapshot({
      id: 'new',
      roadmapId: 'r',
      name: 'after',
      kind: 'auto',
      createdAt: 11,
      size: next.byteLength,
      state: next,
    })
    expect(Buffer.from((await store.getSnapshot('r', 'new'))!.state).equals(next)).toBe(true)
    // The new snapshot is a small delta on the old full state.
    expect(await store.historyBytes('r')).toBeLessThan(4000 + 200)
    await store.close()
    // Opening a migrated database again changes nothing.
    const again = new SqliteStore({ dataDir: dir })
    expect((await again.listSnapshots('r')).map((s) => s.size)).toEqual([4000, 4000])
    expect((await again.listSnapshots('r')).map((s) => s.editors.length)).toEqual([0, 1])
    await again.close()
  })
})

describe('SqliteStore roles', () => {
  it('opens a database made before the commenter role and then stores commenter links', async () => {
    const dir = tempDir()
    const old = new Database(path.join(dir, 'meridian.db'))
    old.exec(`CREATE TABLE links (
      id TEXT PRIMARY KEY, roadmap_id TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
      token_hash TEXT NOT NULL UNIQUE, label TEXT, expires_at INTEGER, revoked_at INTEGER,
      created_at INTEGER NOT NULL)`)
    const row =
      "('l2', 'r', 'viewer', 'h2', NULL, NULL, NULL, 5), ('l1', 'r', 'owner', 'h1', 'Owner', NULL, NULL, 5)"
    old.exec(`INSERT INTO links VALUES ${row}`)
    old.close()

    const store = new SqliteStore({ dataDir: dir })
    await store.createLink({
      id: 'l3',
      roadmapId: 'r',
      role: 'commenter',
      tokenHash: 'h3',
      label: null,
      personName: null,
      expiresAt: null,
      revokedAt: null,
      createdAt: 5,
    })
    // Rows and their order (creation, then insertion) are kept.
    expect((await store.listLinks('r')).map((l) => [l.id, l.role])).toEqual([
      ['l2', 'viewer'],
      ['l1', 'owner'],
      ['l3', 'commenter'],
    ])
    expect((await store.findLinkByTokenHash('h1'))?.label).toBe('Owner')
    await store.close()
  })
})
