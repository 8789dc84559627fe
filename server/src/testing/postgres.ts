// A private PostgreSQL server for tests: a throwaway cluster (initdb) in a temporary
// directory, reachable only through its Unix socket there. Needs PostgreSQL's server
// programs (Debian: `apt-get install postgresql`; `.ci/run` installs them). As root, the
// cluster runs as the `postgres` user, since PostgreSQL refuses to run as root.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

const run = promisify(execFile)

function binDir(): string {
  const fromEnv = process.env.MERIDIAN_PG_BIN
  if (fromEnv) return fromEnv
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (versions.length === 0) {
    throw new Error(
      'PostgreSQL server programs not found (looked in /usr/lib/postgresql/*/bin; set ' +
        'MERIDIAN_PG_BIN). On Debian: apt-get install postgresql',
    )
  }
  return path.join(root, versions[0], 'bin')
}

export interface TestPostgres {
  /** A connection string for a new, empty database of this cluster. */
  createDatabase(): Promise<string>
  stop(): Promise<void>
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = binDir()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-pg-'))
  const data = path.join(dir, 'data')
  const asRoot = process.getuid?.() === 0
  const as = async (cmd: string, args: string[]): Promise<void> => {
    const exe = path.join(bin, cmd)
    if (asRoot) await run('runuser', ['-u', 'postgres', '--', exe, ...args])
    else await run(exe, args)
  }
  if (asRoot) await run('chown', ['postgres:postgres', dir])
  await as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale'])
  // Sockets only (no TCP port to collide with), and no fsync: a test cluster need not
  // survive a power cut.
  await as('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-o',
    `-k ${dir} -c listen_addresses= -F`,
    '-w',
    'start',
  ])
  const url = (db: string): string => `postgresql://postgres@/${db}?host=${encodeURIComponent(dir)}`
  const admin = new pg.Pool({ connectionString: url('postgres'), max: 1 })
  let n = 0
  return {
    async createDatabase() {
      const name = `t${process.pid}_${++n}`
      await admin.query(`CREATE DATABASE ${name}`)
      return url(name)
    },
    async stop() {
      await admin.end()
      await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
