import { describe, expect, it } from 'vitest'
import { withRole } from './roleStamp.js'

/** What the state means with the role set: parse, set, as a client reads it. */
function reference(raw: string, role: string): unknown {
  const s = JSON.parse(raw) as unknown
  if (s === null || typeof s !== 'object' || Array.isArray(s)) return s
  const o = s as Record<string, unknown>
  const u = o.user
  if (u !== null && typeof u === 'object' && !Array.isArray(u))
    (u as Record<string, unknown>).role = role
  else o.user = { role }
  return o
}

const STATES = [
  '{}',
  ' { } ',
  '{"pointer":{"x":1}}',
  '{"user":{}}',
  '{"user":{ }, "x":1}',
  '{"user":{"name":"S","color":"#33c"},"pointer":{"x":1,"y":2}}',
  '{"user":{"name":"S","role":"owner"}}',
  '{"user":{"role":"viewer","role":"owner"}}',
  '{"user":{"name":"a"},"user":{"name":"b"}}',
  '{"user":{"name":"a"},"user":5}',
  '{"user":5,"user":{"name":"b"}}',
  '{"user":null}',
  '{"user":[{"role":"owner"}]}',
  '{"x":"user","y":{"user":{"role":"owner"}}}',
  '{"user":{"name":"a \\" } \\\\","tags":[{"a":[1,{"b":2}]}]}}',
  '{"us\\u0065r":{"name":"escaped key"}}',
  '{"user":{"name":"Zoë"}}',
  '{"nested":[[[]]],"user":{"deep":{"role":"owner"}}}',
  '\n{\n  "user" : {\n    "name" : "spaced"\n  }\n}\n',
  '"a string"',
  '[1,2]',
  'null',
  '42',
]

describe('setting the role in a presence state', () => {
  it.each(STATES)('means what parsing and setting it means: %s', (raw) => {
    const bytes = new TextEncoder().encode(raw)
    for (const role of ['viewer', 'editor'] as const) {
      const r = withRole(raw, bytes, role)
      expect(JSON.parse(r.state)).toEqual(reference(raw, role))
      if (r.insert) {
        const { at, text } = r.insert
        const spliced = new Uint8Array([
          ...bytes.subarray(0, at),
          ...new TextEncoder().encode(text),
          ...bytes.subarray(at),
        ])
        expect(new TextDecoder().decode(spliced)).toBe(r.state)
      }
    }
  })

  it('leaves a state whose role is right as it was, and adds to the bytes otherwise', () => {
    const right = '{ "user":{"role":"editor"} , "x": 1.50 }'
    expect(withRole(right, new TextEncoder().encode(right), 'editor')).toEqual({
      state: right,
      insert: null,
    })
    const bench = '{"user":{"name":"s1","color":"#3366cc"},"pointer":{"x":1,"y":40}}'
    expect(withRole(bench, new TextEncoder().encode(bench), 'editor')).toEqual({
      state: '{"user":{"name":"s1","color":"#3366cc","role":"editor"},"pointer":{"x":1,"y":40}}',
      insert: { at: 38, text: ',"role":"editor"' },
    })
  })

  it('throws on malformed JSON (the update is refused)', () => {
    expect(() => withRole('{bad', new TextEncoder().encode('{bad'), 'editor')).toThrow()
  })
})
