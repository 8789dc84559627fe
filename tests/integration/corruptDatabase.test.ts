// A damaged or emptied SQLite database against a real server process: garbage in a page
// refuses to start with a clear message (it used to serve what was left, silently); a data
// directory that held roadmaps and comes up empty starts, but says so loudly.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { api, createRoadmap } from './helpers/api.js'
import { makeDataDir, removeDataDir, startServer } from './helpers/server.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDataDir(dir)
})

/** A data dir whose database holds a few roadmaps, with the server stopped (WAL folded in). */
async function dataDirWithRoadmaps(): Promise<{ dir: string; file: string }> {
  const dir = makeDataDir()
  dirs.push(dir)
  const server = await startServer({ dataDir: dir })
  try {
    for (let i = 0; i < 20; i++) await createRoadmap(server, `Roadmap ${i} ${'x'.repeat(150)}`)
  } finally {
    await server.stop('SIGTERM')
  }
  return { dir, file: path.join(dir, 'meridian.db') }
}

describe('a damaged database', () => {
  it('with garbage in page 2 refuses to start and says why', async () => {
    const { dir, file } = await dataDirWithRoadmaps()
    const bytes = fs.readFileSync(file)
    const pageSize = bytes.readUInt16BE(16) === 1 ? 65_536 : bytes.readUInt16BE(16)
    expect(bytes.length).toBeGreaterThan(2 * pageSize)
    for (let i = pageSize; i < 2 * pageSize; i++) bytes[i] = (i * 131 + 7) & 0xff
    fs.writeFileSync(file, bytes)
    await expect(startServer({ dataDir: dir })).rejects.toThrow(/meridian\.db is damaged/)
  })

  it('emptied to 0 bytes starts empty, with a loud warning that it held roadmaps', async () => {
    const { dir, file } = await dataDirWithRoadmaps()
    fs.truncateSync(file, 0)
    for (const extra of ['-wal', '-shm']) fs.rmSync(file + extra, { force: true })
    const server = await startServer({ dataDir: dir })
    try {
      const logs = server.logs().join('\n')
      expect(logs).toContain('held roadmaps, but its database has none')
      expect(logs).toContain('"level":50')
      expect((await api(server, 'GET', '/healthz')).status).toBe(200)
    } finally {
      await server.stop('SIGKILL')
    }
  })

  it('a fresh data directory starts without a warning', async () => {
    const dir = makeDataDir()
    dirs.push(dir)
    const server = await startServer({ dataDir: dir })
    try {
      expect(server.logs().join('\n')).not.toContain('held roadmaps')
    } finally {
      await server.stop('SIGKILL')
    }
  })
})
