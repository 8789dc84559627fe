import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deriveBacklog } from './backlog.js'
import { largeRoadmap } from './large.js'
import { problems } from './problems.js'
import { readRoadmap } from './read.js'
import { deriveReport } from './report.js'
import { checkSchedule } from './schedule.js'

describe('largeRoadmap', () => {
  const doc = new Y.Doc()
  const origins: unknown[] = []
  doc.on('afterTransaction', (tr) => origins.push(tr.origin))
  const summary = largeRoadmap(doc, { features: 2000, lanes: 40, seed: 42 })
  const data = readRoadmap(doc)

  it('writes the asked size in one transaction', () => {
    expect(origins).toEqual(['large'])
    expect(data.features).toHaveLength(2000)
    expect(data.lanes).toHaveLength(40)
    expect(data.items).toHaveLength(summary.items)
    expect(summary.items).toBeGreaterThan(3000)
    expect(data.resources).toHaveLength(summary.resources)
    expect(data.risks).toHaveLength(summary.risks)
  })

  it('is valid: every reference resolves, every feature is dated and ranked', () => {
    expect(problems(data)).toEqual([])
    for (const feature of data.features) {
      expect(feature.rank).not.toBe('')
      expect(feature.end! >= feature.start!).toBe(true)
    }
    expect(new Set(data.features.map((f) => f.rank)).size).toBe(2000)
  })

  it('is the same document for the same seed, and another for another seed', () => {
    const again = new Y.Doc()
    largeRoadmap(again, { features: 2000, lanes: 40, seed: 42 })
    expect(readRoadmap(again)).toEqual(data)
    const other = new Y.Doc()
    largeRoadmap(other, { features: 2000, lanes: 40, seed: 43 })
    expect(readRoadmap(other).features[0]).not.toEqual(data.features[0])
  })

  it('feeds every derivation', () => {
    const today = '2026-01-07'
    const backlog = deriveBacklog(data, today)
    expect(backlog.entries.length).toBe(
      data.features.filter((f) => f.status !== 'cancelled').length,
    )
    expect(backlog.entries.some((e) => e.flags.late)).toBe(true)
    expect(backlog.entries.some((e) => e.flags.blocked)).toBe(true)
    expect(checkSchedule(data, today).load).toHaveLength(summary.resources)
    expect(deriveReport(data, today).summary.features).toBe(backlog.entries.length)
  })

  it('builds an empty roadmap when asked for no features', () => {
    const empty = new Y.Doc()
    expect(largeRoadmap(empty, { features: 0, lanes: 1, seed: 1 })).toMatchObject({
      features: 0,
      items: 0,
      risks: 0,
    })
    expect(readRoadmap(empty).features).toEqual([])
  })
})
