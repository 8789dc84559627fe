import * as prng from 'lib0/prng'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { collectionOf } from './collections.js'
import { exportRoadmap } from './export.js'
import { importRoadmap } from './import.js'
import { readRoadmap } from './read.js'
import { Roadmap } from './roadmap.js'
import type { FeatureId, LaneId } from './schema.js'
import { idSource, randomRoadmap } from './testing/random-edits.js'
import { encodeRichText } from './yjs-json.js'

function roundTrip(doc: Y.Doc) {
  const first = exportRoadmap(doc)
  // Through text, as a file would go.
  const result = importRoadmap(JSON.stringify(first))
  if (!result.ok) throw new Error(`${result.error.path}: ${result.error.message}`)
  return { first, second: exportRoadmap(result.doc), doc: result.doc }
}

function handBuilt() {
  const doc = new Y.Doc()
  const roadmap = new Roadmap(doc, { origin: 'test', createId: idSource('h') })
  roadmap.init({ title: 'Platform 2026', horizonStart: '2026-01-01', horizonEnd: '2026-12-31' })
  const lane = roadmap.lanes.create({ name: 'Core', color: '#0ea5e9' })
  const feature = roadmap.features.create({
    laneId: lane,
    title: 'Sync',
    start: '2026-02-01',
    end: '2026-03-15',
  })
  roadmap.goals.create({ title: 'Retention' })
  const indicator = roadmap.indicators.create({ name: 'DAU', unit: 'users', baseline: 10 })
  roadmap.indicators.record(indicator, { date: '2026-02-01', value: 12 })
  roadmap.items.create({ featureId: feature, title: 'Protocol' })
  roadmap.transact(() => {
    const description = roadmap.features.description(feature)!
    const heading = new Y.XmlElement('heading')
    description.insert(0, [heading])
    heading.setAttribute('level', '2')
    heading.insert(0, [new Y.XmlText('Why')])
    const paragraph = new Y.XmlElement('paragraph')
    description.insert(1, [paragraph])
    const text = new Y.XmlText()
    paragraph.insert(0, [text])
    text.insert(0, 'Plain, ')
    text.insert(7, 'bold', { bold: true })
    text.insert(11, ' and a link', { link: { href: 'https://example.com', target: null } })
    text.insertEmbed(22, { mention: 'ada' })
    const list = new Y.XmlElement('bulletList')
    description.insert(2, [list])
    const item = new Y.XmlElement('listItem')
    list.insert(0, [item])
    const inner = new Y.XmlElement('paragraph')
    item.insert(0, [inner])
    inner.insert(0, [new Y.XmlText('nested')])
    roadmap.strategy().insert(0, [new Y.XmlElement('paragraph')])
    ;(roadmap.strategy().get(0) as Y.XmlElement).insert(0, [new Y.XmlText('Win the mid-market')])
    // A newer client's fields, of every kind Yjs can hold.
    const map = collectionOf(doc, 'features').get(feature) as Y.Map<unknown>
    map.set('x-plain', { votes: 3, tags: ['a', 'b'] })
    map.set('x-dollar', { $array: 'not a tag' })
    map.set('x-bytes', new Uint8Array([0, 1, 254, 255]))
    const nested = map.set('x-map', new Y.Map<unknown>())
    nested.set('list', new Y.Array<unknown>()).push(['one', { two: 2 }])
    nested.set('note', new Y.Text()).insert(0, 'hi', { bold: true })
    const callout = map.set('x-callout', new Y.XmlElement('callout'))
    callout.setAttribute('tone', 'warn')
    callout.insert(0, [new Y.XmlText('careful')])
    map.set('x-caption', new Y.XmlText('caption')).format(0, 3, { italic: true })
    const threads = map.set('x-threads', new Y.Array<unknown>())
    const thread = new Y.Map<unknown>()
    threads.push([thread, new Y.Text('loose'), 42])
    thread.set('replies', new Y.Array<unknown>()).push([{ by: 'ada', $weird: true }])
    const notes = map.set('x-notes', new Y.XmlFragment())
    notes.insert(0, [new Y.XmlText('loose text')])
    const meta = doc.getMap('roadmap')
    meta.set('x-theme', 'dark')
  })
  return { doc, roadmap, feature, lane }
}

describe('exportRoadmap / importRoadmap', () => {
  test('a hand-built roadmap with rich text and unknown fields round-trips', () => {
    const { doc, feature } = handBuilt()
    const { first, second, doc: imported } = roundTrip(doc)
    expect(second).toEqual(first)
    expect(JSON.stringify(second)).toBe(JSON.stringify(first))
    expect(readRoadmap(imported)).toEqual(readRoadmap(doc))

    const original = collectionOf(doc, 'features').get(feature) as Y.Map<unknown>
    const copy = collectionOf(imported, 'features').get(feature) as Y.Map<unknown>
    expect(encodeRichText(copy.get('description') as Y.XmlFragment)).toEqual(
      encodeRichText(original.get('description') as Y.XmlFragment),
    )
    expect((copy.get('description') as Y.XmlFragment).toString()).toBe(
      (original.get('description') as Y.XmlFragment).toString(),
    )
    expect(copy.get('x-bytes')).toEqual(new Uint8Array([0, 1, 254, 255]))
    expect(copy.get('x-dollar')).toEqual({ $array: 'not a tag' })
    expect((copy.get('x-map') as Y.Map<unknown>).toJSON()).toEqual(
      (original.get('x-map') as Y.Map<unknown>).toJSON(),
    )
    expect(((copy.get('x-map') as Y.Map<unknown>).get('note') as Y.Text).toDelta()).toEqual([
      { insert: 'hi', attributes: { bold: true } },
    ])
    expect(imported.getMap('roadmap').get('x-theme')).toBe('dark')
    expect((copy.get('x-callout') as Y.XmlElement).toString()).toBe(
      '<callout tone="warn">careful</callout>',
    )
    expect((copy.get('x-caption') as Y.XmlText).toDelta()).toEqual([
      { insert: 'cap', attributes: { italic: true } },
      { insert: 'tion' },
    ])
    const threads = copy.get('x-threads') as Y.Array<unknown>
    expect(threads.get(0)).toBeInstanceOf(Y.Map)
    expect(threads.get(1)).toBeInstanceOf(Y.Text)
    expect(threads.toJSON()).toEqual([{ replies: [{ by: 'ada', $weird: true }] }, 'loose', 42])
    expect(imported.getXmlFragment('strategy').toString()).toBe(
      '<paragraph>Win the mid-market</paragraph>',
    )
  })

  test('the export is readable JSON with the documented shape', () => {
    const { doc, feature, lane } = handBuilt()
    const json = exportRoadmap(doc)
    expect(json.format).toBe('meridian-roadmap')
    expect(json.version).toBe(1)
    expect(json.meta).toMatchObject({ schemaVersion: 1, title: 'Platform 2026', 'x-theme': 'dark' })
    expect(json.features[feature]).toMatchObject({
      id: feature,
      laneId: lane,
      start: '2026-02-01',
      'x-plain': { votes: 3, tags: ['a', 'b'] },
    })
    expect(json.features[feature]!['x-dollar']).toEqual({ $json: { $array: 'not a tag' } })
    expect(json.features[feature]!['x-bytes']).toEqual({ $binary: 'AAH+/w==' })
    expect(json.features[feature]!.description[1]).toEqual({
      type: 'element',
      name: 'paragraph',
      children: [
        {
          type: 'text',
          delta: [
            { insert: 'Plain, ' },
            { insert: 'bold', attributes: { bold: true } },
            {
              insert: ' and a link',
              attributes: { link: { href: 'https://example.com', target: null } },
            },
            { insert: { mention: 'ada' } },
          ],
        },
      ],
    })
    const [indicator] = Object.values(json.indicators)
    expect(indicator!.history).toEqual([{ date: '2026-02-01', value: 12 }])
    expect(indicator!.current).toBe(12)
  })

  test.each(Array.from({ length: 40 }, (_, seed) => seed))(
    'random roadmap %i round-trips',
    (seed) => {
      const gen = prng.create(seed)
      const doc = new Y.Doc()
      doc.clientID = seed + 1
      randomRoadmap(gen, new Roadmap(doc, { origin: 'test', createId: idSource('r') }), 150)
      const { first, second, doc: imported } = roundTrip(doc)
      expect(second).toEqual(first)
      expect(readRoadmap(imported)).toEqual(readRoadmap(doc))
    },
  )

  test('import into an existing doc replaces its content in one transaction with an origin', () => {
    const { doc } = handBuilt()
    const json = exportRoadmap(doc)
    const target = new Y.Doc()
    const other = new Roadmap(target, { origin: 'test' })
    other.init({ title: 'Old' })
    other.lanes.create({ name: 'Gone' })
    const origins: unknown[] = []
    target.on('afterTransaction', (transaction) => origins.push(transaction.origin))
    const result = importRoadmap(json, target, { origin: 'restore' })
    expect(result.ok).toBe(true)
    expect(origins).toEqual(['restore'])
    expect(exportRoadmap(target)).toEqual(json)
  })

  test('a feature without ranks in a hand-written file keeps file order', () => {
    const result = importRoadmap({
      format: 'meridian-roadmap',
      version: 1,
      meta: { title: 'Hand' },
      lanes: { l: { name: 'L' } },
      features: { z: { laneId: 'l', title: 'first' }, a: { laneId: 'l', title: 'second' } },
    })
    if (!result.ok) throw new Error(result.error.message)
    const data = readRoadmap(result.doc)
    expect(data.features.map((f) => f.title)).toEqual(['first', 'second'])
    expect(data.features[0]).toMatchObject({ status: 'planned', health: 'on-track', goalIds: [] })
    expect(data.meta).toEqual({
      schemaVersion: 1,
      title: 'Hand',
      horizonStart: null,
      horizonEnd: null,
    })
  })

  test('ill-typed fields a peer wrote export as the reader sees them, so the file stays importable', () => {
    const doc = new Y.Doc()
    const roadmap = new Roadmap(doc, { origin: 'test' })
    const feature = roadmap.features.create({ laneId: 'l' as LaneId, title: 'x' })
    roadmap.transact(() => {
      const map = collectionOf(doc, 'features').get(feature) as Y.Map<unknown>
      map.set('start', 'soon')
      map.set('status', 42)
      map.set('goalIds', 'g1')
    })
    const { first, second } = roundTrip(doc)
    expect(first.features[feature]).toMatchObject({ start: null, status: 'planned', goalIds: [] })
    expect(second).toEqual(first)
  })
})

describe('importRoadmap rejects malformed files, naming the field, and writes nothing', () => {
  const valid = () => {
    const doc = new Y.Doc()
    const roadmap = new Roadmap(doc, { origin: 'test', createId: idSource('v') })
    roadmap.init({ title: 'T' })
    const lane = roadmap.lanes.create({ name: 'L' })
    roadmap.features.create({ laneId: lane, title: 'F' })
    roadmap.goals.create({ title: 'G' })
    roadmap.indicators.create({ name: 'I', history: [{ date: '2026-01-01', value: 1 }] })
    roadmap.risks.create({ title: 'R' })
    return JSON.parse(JSON.stringify(exportRoadmap(doc))) as Record<
      string,
      Record<string, Record<string, unknown>>
    >
  }
  const feature = 'v1' as FeatureId

  const cases: Array<[string, (json: ReturnType<typeof valid>) => void, string, RegExp]> = [
    [
      'a bad date',
      (j) => void (j.features![feature]!.start = '2026-02-30'),
      'features.v1.start',
      /ISO date/,
    ],
    [
      'a date of the wrong type',
      (j) => void (j.features![feature]!.end = 20260101),
      'features.v1.end',
      /expected string/,
    ],
    [
      'a status outside the vocabulary',
      (j) => void (j.features![feature]!.status = 'blocked'),
      'features.v1.status',
      /in-progress/,
    ],
    [
      'a risk score out of range',
      (j) => void (j.risks!.v4!.likelihood = 9),
      'risks.v4.likelihood',
      /<=5|5/,
    ],
    [
      'an id that is not its key',
      (j) => void (j.lanes!.v0!.id = 'other'),
      'lanes.v0.id',
      /id of its key/,
    ],
    [
      'a bad history point',
      (j) => void (j.indicators!.v3!.history = [{ date: '2026-01-01', value: 'x' }]),
      'indicators.v3.history.0.value',
      /expected number/,
    ],
    [
      'rich text with no type',
      (j) => void (j.features![feature]!.description = [{ name: 'p', children: [] }]),
      'features.v1.description.0.type',
      /./,
    ],
    [
      'nested rich text with a bad delta',
      (j) =>
        void (j.goals!.v2!.description = [
          { type: 'element', name: 'p', children: [{ type: 'text', delta: [{ insert: 3 }] }] },
        ]),
      'goals.v2.description.0.children.0.delta.0.insert',
      /./,
    ],
    [
      'a malformed Yjs tag in an unknown field',
      (j) => void (j.features![feature]!['x-new'] = { $array: 'nope' }),
      'features.v1.x-new.$array',
      /array/,
    ],
    [
      'a bad title type in meta',
      (j) => void ((j.meta as unknown as Record<string, unknown>).title = 7),
      'meta.title',
      /expected string/,
    ],
    [
      'a newer version',
      (j) => void ((j as unknown as Record<string, unknown>).version = 2),
      'version',
      /Unsupported export version/,
    ],
    [
      'something else entirely',
      (j) => void ((j as unknown as Record<string, unknown>).format = 'trello'),
      'format',
      /not a Meridian roadmap/,
    ],
    [
      'a collection that is not an object',
      (j) => void ((j as unknown as Record<string, unknown>).items = []),
      'items',
      /expected record|expected object/,
    ],
  ]

  test.each(cases)('%s', (_name, corrupt, path, message) => {
    const json = valid()
    corrupt(json)
    const target = new Y.Doc()
    const updates: unknown[] = []
    target.on('update', (update: Uint8Array) => updates.push(update))
    const result = importRoadmap(json, target)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.path).toBe(path)
    expect(result.error.message).toMatch(message)
    expect(updates).toEqual([])
  })

  test('absurdly deep nesting is refused before parsing', () => {
    let node: Record<string, unknown> = { type: 'text', delta: [] }
    for (let i = 0; i < 5000; i++) node = { type: 'element', name: 'div', children: [node] }
    const json = valid()
    json.features![feature]!.description = [node]
    const result = importRoadmap(json)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/Nested more than 256 levels/)
  })

  test('text that is not JSON', () => {
    const result = importRoadmap('{"format": "meridian-roadmap",')
    expect(result).toMatchObject({ ok: false, error: { path: '' } })
    if (!result.ok) expect(result.error.message).toMatch(/^Invalid JSON/)
  })
})
