// Applies a delta in Fossil's format (as `fossil-delta`'s createDelta writes it) into one
// preallocated buffer. The library's own applyDelta builds its output byte by byte in a JS
// array: ~130 ms for a 650 kB roadmap state, against well under a millisecond here, and a
// snapshot read applies up to FULL_STATE_EVERY - 1 of them.
//
// Format: `<target size>\n`, then commands: `<n>@<offset>,` copies n bytes of the source,
// `<n>:<n bytes>` inserts bytes, `<checksum>;` ends. Integers are base-64 digits.

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~'
const VALUE = new Int8Array(128).fill(-1)
for (let i = 0; i < DIGITS.length; i++) VALUE[DIGITS.charCodeAt(i)] = i

const NEWLINE = 0x0a
const COPY = 0x40 // '@'
const INSERT = 0x3a // ':'
const END = 0x3b // ';'
const COMMA = 0x2c

export function applyDelta(source: Uint8Array, delta: Uint8Array): Uint8Array {
  let pos = 0
  const int = (): number => {
    let v = 0
    let digits = 0
    while (pos < delta.length) {
      const d = VALUE[delta[pos]! & 0x7f]!
      if (d < 0) break
      v = v * 64 + d
      pos++
      digits++
    }
    if (digits === 0) throw new Error('delta: integer expected')
    return v
  }
  const size = int()
  if (delta[pos++] !== NEWLINE) throw new Error('delta: size not terminated')
  const out = new Uint8Array(size)
  let at = 0
  while (pos < delta.length) {
    const n = int()
    const op = delta[pos++]
    if (op === COPY) {
      const offset = int()
      if (pos < delta.length && delta[pos++] !== COMMA)
        throw new Error('delta: copy not terminated')
      if (offset + n > source.length || at + n > size) throw new Error('delta: copy out of range')
      out.set(source.subarray(offset, offset + n), at)
      at += n
    } else if (op === INSERT) {
      if (pos + n > delta.length || at + n > size) throw new Error('delta: insert out of range')
      out.set(delta.subarray(pos, pos + n), at)
      at += n
      pos += n
    } else if (op === END) {
      if (at !== size) throw new Error('delta: size does not match')
      if (n >>> 0 !== checksum(out)) throw new Error('delta: bad checksum')
      return out
    } else throw new Error('delta: unknown command')
  }
  throw new Error('delta: unterminated')
}

/** Fossil's checksum: the bytes summed as big-endian 32-bit words (a short tail left-aligned). */
function checksum(a: Uint8Array): number {
  let sum = 0
  const whole = a.length - (a.length % 4)
  for (let i = 0; i < whole; i += 4)
    sum = (sum + ((a[i]! << 24) | (a[i + 1]! << 16) | (a[i + 2]! << 8) | a[i + 3]!)) | 0
  let shift = 24
  for (let i = whole; i < a.length; i++, shift -= 8) sum = (sum + (a[i]! << shift)) | 0
  return sum >>> 0
}
