// Binary deltas in Fossil's delta format (D. R. Hipp's algorithm, as the `fossil-delta`
// package implements it; its tests check this file against that package both ways). Written
// over typed arrays here because the package builds its output byte by byte in a JS array:
// ~130 ms to apply and ~220 ms to create a delta of a 650 kB roadmap state, where a snapshot
// read applies up to FULL_STATE_EVERY - 1 deltas and the server creates one per snapshot.
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

const NHASH = 16
/** Source blocks tried per target position: bounds the work on repetitive states. */
const MAX_CANDIDATES = 16

/** A delta that turns `source` into `target`. */
export function createDelta(source: Uint8Array, target: Uint8Array): Uint8Array {
  const out = new Writer(64 + (target.length >> 4))
  const lenOut = target.length
  const lenSrc = source.length
  out.int(lenOut)
  out.byte(NEWLINE)
  if (lenSrc <= NHASH) {
    out.insert(target, 0, lenOut)
    return out.finish(target)
  }
  // Every NHASH-byte block of the source, by the hash of its bytes.
  const nHash = Math.ceil(lenSrc / NHASH)
  const collide = new Int32Array(nHash).fill(-1)
  const landmark = new Int32Array(nHash).fill(-1)
  for (let i = 0; i < lenSrc - NHASH; i += NHASH) {
    const hv = hashAt(source, i) % nHash
    collide[i / NHASH] = landmark[hv]!
    landmark[hv] = i / NHASH
  }
  let base = 0
  while (base + NHASH < lenOut) {
    // Rolling hash of target[base + i, base + i + NHASH).
    let a = 0
    let b = 0
    for (let i = 0; i < NHASH; i++) {
      const x = target[base + i]!
      a = (a + x) & 0xffff
      b = (b + (NHASH - i) * x) & 0xffff
    }
    let i = 0
    let bestCnt = 0
    let bestOfst = 0
    let bestLitsz = 0
    for (;;) {
      let iBlock = landmark[(((a & 0xffff) | ((b & 0xffff) << 16)) >>> 0) % nHash]!
      for (let limit = MAX_CANDIDATES; iBlock >= 0 && limit > 0; limit--) {
        const iSrc = iBlock * NHASH
        let j = 0
        for (
          let x = iSrc, y = base + i;
          x < lenSrc && y < lenOut && source[x] === target[y];
          x++, y++
        )
          j++
        let k = 0
        while (k + 1 < iSrc && k + 1 <= i && source[iSrc - k - 1] === target[base + i - k - 1]) k++
        const ofst = iSrc - k
        const cnt = j + k
        const sz = digitCount(i - k) + digitCount(cnt) + digitCount(ofst) + 3
        if (cnt >= sz && cnt > bestCnt) {
          bestCnt = cnt
          bestOfst = ofst
          bestLitsz = i - k
        }
        iBlock = collide[iBlock]!
      }
      if (bestCnt > 0) {
        if (bestLitsz > 0) {
          out.insert(target, base, bestLitsz)
          base += bestLitsz
        }
        base += bestCnt
        out.int(bestCnt)
        out.byte(COPY)
        out.int(bestOfst)
        out.byte(COMMA)
        break
      }
      if (base + i + NHASH >= lenOut) {
        out.insert(target, base, lenOut - base)
        base = lenOut
        break
      }
      const old = target[base + i]!
      const c = target[base + i + NHASH]!
      a = (a - old + c) & 0xffff
      b = (b - NHASH * old + a) & 0xffff
      i++
    }
  }
  if (base < lenOut) out.insert(target, base, lenOut - base)
  return out.finish(target)
}

function hashAt(z: Uint8Array, pos: number): number {
  let a = 0
  let b = 0
  for (let i = 0; i < NHASH; i++) {
    const x = z[pos + i]!
    a = (a + x) & 0xffff
    b = (b + (NHASH - i) * x) & 0xffff
  }
  return ((a & 0xffff) | ((b & 0xffff) << 16)) >>> 0
}

/** Base-64 digits of `v`. */
function digitCount(v: number): number {
  let i = 1
  for (let x = 64; v >= x; i++, x *= 64) {
    // counting
  }
  return i
}

class Writer {
  private buf: Uint8Array
  private at = 0

  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity)
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.at + n))
    next.set(this.buf.subarray(0, this.at))
    this.buf = next
  }

  byte(b: number): void {
    this.room(1)
    this.buf[this.at++] = b
  }

  int(v: number): void {
    const digits: number[] = []
    do {
      digits.push(DIGITS.charCodeAt(v % 64))
      v = Math.floor(v / 64)
    } while (v > 0)
    this.room(digits.length)
    for (let i = digits.length - 1; i >= 0; i--) this.buf[this.at++] = digits[i]!
  }

  insert(from: Uint8Array, start: number, n: number): void {
    this.int(n)
    this.byte(INSERT)
    this.room(n)
    this.buf.set(from.subarray(start, start + n), this.at)
    this.at += n
  }

  /** Ends with the checksum of the target and returns the delta. */
  finish(target: Uint8Array): Uint8Array {
    this.int(checksum(target))
    this.byte(END)
    return this.buf.slice(0, this.at)
  }
}

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
