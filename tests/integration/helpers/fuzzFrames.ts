// Seeded generator of hostile y-websocket frames: random bytes, truncated and mutated valid
// sync/awareness messages, huge varints, wrong message types, text frames, oversize frames.
// Same seed, same frames, in the same order.
import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import * as encoding from 'lib0/encoding'
import { awarenessUpdateFor, frames } from './raw.js'

export interface FuzzFrame {
  kind: string
  data: Uint8Array
  /** Send as a WebSocket text frame instead of binary. */
  text?: boolean
}

type PRNG = ReturnType<typeof prng.create>

/** Varint encodings the decoder must refuse or bound: 2^32, 2^53, 2^63 and endless continuation. */
const HUGE_VARINTS: Uint8Array[] = [
  Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x10),
  Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f),
  Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01),
  new Uint8Array(64).fill(0xff),
]

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

const varUint = (n: number): Uint8Array => {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, n)
  return encoding.toUint8Array(enc)
}

export class FrameFuzzer {
  private readonly gen: PRNG
  /** The generator's own document: source of valid updates, state vectors and sync steps. */
  readonly doc = new Y.Doc()
  private readonly updates: Uint8Array[] = []
  private editCount = 0

  constructor(
    readonly seed: number,
    private readonly maxPayload: number,
  ) {
    this.gen = prng.create(seed)
    this.doc.clientID = prng.uint32(this.gen, 1, 0x7fffffff)
    this.doc.on('update', (u: Uint8Array) => {
      this.updates.push(u)
      if (this.updates.length > 64) this.updates.shift()
    })
    for (let i = 0; i < 8; i++) this.edit()
  }

  private int(min: number, max: number): number {
    return prng.int32(this.gen, min, max)
  }

  private bytes(len: number): Uint8Array {
    return prng.uint8Array(this.gen, len)
  }

  /** One real edit on the generator doc (map entries, text, deletions). */
  private edit(): void {
    const features = this.doc.getMap<Y.Map<unknown>>('features')
    const text = this.doc.getText('fuzz')
    const op = this.int(0, 3)
    const n = this.editCount++
    if (op === 0 || features.size === 0) {
      const f = new Y.Map<unknown>()
      features.set(`fz-${this.seed}-${n}`, f)
      f.set('title', prng.word(this.gen, 0, 30))
      f.set('rank', prng.word(this.gen, 1, 6))
    } else if (op === 1) {
      const keys = [...features.keys()]
      features.get(prng.oneOf(this.gen, keys))?.set('title', prng.utf16String(this.gen, 12))
    } else if (op === 2 || text.length === 0) {
      text.insert(this.int(0, text.length), prng.word(this.gen, 1, 12))
    } else {
      const at = this.int(0, text.length - 1)
      text.delete(at, Math.min(text.length - at, this.int(1, 5)))
    }
  }

  private validUpdate(): Uint8Array {
    if (this.int(0, 2) === 0) this.edit()
    return prng.oneOf(this.gen, this.updates)
  }

  /** A well-formed frame of a random kind. */
  private valid(): FuzzFrame {
    switch (this.int(0, 4)) {
      case 0:
        return { kind: 'valid-update', data: frames.update(this.validUpdate()) }
      case 1:
        return { kind: 'valid-step1', data: frames.syncStep1(Y.encodeStateVector(this.doc)) }
      case 2:
        return { kind: 'valid-step2', data: frames.syncStep2(Y.encodeStateAsUpdate(this.doc)) }
      case 3:
        return {
          kind: 'valid-awareness',
          data: frames.awareness(
            awarenessUpdateFor(
              this.int(1, 2 ** 30),
              { user: { name: prng.word(this.gen), color: '#123456', role: 'editor' } },
              this.int(1, 1000),
            ),
          ),
        }
      default:
        return { kind: 'valid-query-awareness', data: frames.queryAwareness() }
    }
  }

  next(): FuzzFrame {
    const r = this.int(0, 999)
    if (r < 150) return { kind: 'random', data: this.bytes(this.int(0, 300)) }
    if (r < 300) return this.valid()
    if (r < 450) {
      const v = this.valid()
      const cut = this.int(0, Math.max(0, v.data.length - 1))
      return { kind: `truncated-${v.kind}`, data: v.data.slice(0, cut) }
    }
    if (r < 600) {
      const v = this.valid()
      const data = v.data.slice()
      const flips = this.int(1, 4)
      for (let i = 0; i < flips && data.length > 0; i++)
        data[this.int(0, data.length - 1)] = this.int(0, 255)
      return { kind: `mutated-${v.kind}`, data }
    }
    if (r < 700) return this.hugeVarint()
    if (r < 780) return this.wrongType()
    if (r < 870) return this.badAwareness()
    if (r < 920) {
      const v = this.valid()
      const at = this.int(0, v.data.length)
      return {
        kind: `spliced-${v.kind}`,
        data: concat(v.data.slice(0, at), this.bytes(this.int(1, 16)), v.data.slice(at)),
      }
    }
    if (r < 950) return { kind: 'empty', data: new Uint8Array(0) }
    if (r < 985)
      return {
        kind: 'text',
        data: new TextEncoder().encode(prng.word(this.gen, 0, 40)),
        text: true,
      }
    return { kind: 'oversize', data: this.bytes(this.maxPayload + this.int(1, this.maxPayload)) }
  }

  private hugeVarint(): FuzzFrame {
    const huge = prng.oneOf(this.gen, HUGE_VARINTS)
    switch (this.int(0, 3)) {
      case 0: // message type
        return { kind: 'huge-type', data: concat(huge, this.bytes(this.int(0, 8))) }
      case 1: // sync sub-type
        return {
          kind: 'huge-sync-subtype',
          data: concat(varUint(0), huge, this.bytes(this.int(0, 8))),
        }
      case 2: // payload length of an update
        return {
          kind: 'huge-length',
          data: concat(varUint(0), varUint(this.int(0, 2)), huge, this.bytes(this.int(0, 32))),
        }
      default: // awareness: count / client id / clock
        return {
          kind: 'huge-awareness',
          data: concat(
            varUint(1),
            varUint(this.int(3, 40)),
            varUint(this.int(1, 3)),
            huge,
            huge,
            varUint(2),
            new TextEncoder().encode('{}'),
          ),
        }
    }
  }

  private wrongType(): FuzzFrame {
    const v = this.valid()
    const type = prng.oneOf(this.gen, [
      4,
      5,
      7,
      8,
      9,
      17,
      127,
      128,
      255,
      16384,
      this.int(4, 2 ** 30),
    ])
    return { kind: 'wrong-type', data: concat(varUint(type), v.data.slice(1)) }
  }

  private badAwareness(): FuzzFrame {
    const enc = encoding.createEncoder()
    const entries = this.int(0, 4)
    encoding.writeVarUint(enc, entries)
    for (let i = 0; i < entries; i++) {
      encoding.writeVarUint(enc, this.int(0, 2 ** 31))
      encoding.writeVarUint(enc, this.int(0, 2 ** 31))
      encoding.writeVarString(
        enc,
        prng.oneOf(this.gen, [
          '{',
          'null',
          '[]',
          '"x"',
          '{"user":{"role":"owner"}}',
          prng.utf16String(this.gen, 20),
          '1e999',
        ]),
      )
    }
    const payload = encoding.toUint8Array(enc)
    return { kind: 'bad-awareness', data: frames.awareness(payload) }
  }
}

/** Frame `index` (0-based) of `seed`'s sequence: to keep a failing frame as a fixture. */
export function frameAt(seed: number, index: number, maxPayload: number): FuzzFrame {
  const fuzzer = new FrameFuzzer(seed, maxPayload)
  for (let i = 0; i < index; i++) fuzzer.next()
  return fuzzer.next()
}
