import { describe, expect, it } from 'vitest'
import { configFromEnv } from './config.js'

describe('configuration from the environment', () => {
  it('has defaults for everything', () => {
    const r = configFromEnv({})
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      logLevel: 'info',
      demo: true,
      fanoutHold: 1,
      sqliteMaxBytes: null,
    })
    expect(r.config.dataDir.endsWith('data')).toBe(true)
    expect(r.config.clientDir.endsWith('client/dist')).toBe(true)
  })

  it('reads the documented variables', () => {
    const r = configFromEnv({
      PORT: '0',
      HOST: '0.0.0.0',
      DATA_DIR: '/tmp/x',
      LOG_LEVEL: 'DEBUG',
      MAX_PAYLOAD: '65536',
      MERIDIAN_NO_DEMO: '1',
      MERIDIAN_UNLOAD_GRACE_MS: '10',
      MERIDIAN_FANOUT_HOLD: '0.5',
      MERIDIAN_SQLITE_MAX_MB: '512',
      DATABASE_URL: 'postgres://meridian@db.internal/meridian',
    })
    expect(r).toMatchObject({
      ok: true,
      config: {
        port: 0,
        host: '0.0.0.0',
        dataDir: '/tmp/x',
        logLevel: 'debug',
        maxPayload: 65536,
        demo: false,
        unloadGraceMs: 10,
        fanoutHold: 0.5,
        sqliteMaxBytes: 512 * 1024 * 1024,
        databaseUrl: 'postgres://meridian@db.internal/meridian',
      },
    })
  })

  it('refuses bad values, naming the variable', () => {
    expect(configFromEnv({ PORT: 'eighty' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('PORT'),
    })
    expect(configFromEnv({ PORT: '70000' })).toMatchObject({ ok: false })
    expect(configFromEnv({ LOG_LEVEL: 'loud' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('LOG_LEVEL'),
    })
    expect(configFromEnv({ MERIDIAN_FANOUT_HOLD: '-1' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('MERIDIAN_FANOUT_HOLD'),
    })
    expect(configFromEnv({ MERIDIAN_SQLITE_MAX_MB: '0' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('MERIDIAN_SQLITE_MAX_MB'),
    })
    expect(configFromEnv({ REDIS_URL: 'redis://cache:6379' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('DATABASE_URL'),
    })
    expect(configFromEnv({ DATABASE_URL: 'mysql://x' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('DATABASE_URL'),
    })
  })
})
