// Per-key state (an address's token bucket, a client's strikes) that many keys cannot grow
// without end: before a key is added at `max` keys, the entries `over` says have run their
// course go, then, if it is still full, the oldest (a Map iterates in insertion order).
export function makeRoom<V>(map: Map<string, V>, max: number, over: (v: V) => boolean): void {
  if (map.size < max) return
  for (const [k, v] of map) if (over(v)) map.delete(k)
  for (const k of map.keys()) {
    if (map.size < max) break
    map.delete(k)
  }
}
