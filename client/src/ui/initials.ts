/**
 * Two letters for an avatar: the first letters of the first and last words of a name, or
 * the first two of a single word. Only letters count, and a parenthesised or bracketed aside
 * such as a role is left out: "Dana Reyes (PO)" gives "DR", not "D(".
 */
export function initials(name: string): string {
  const words = name
    .replace(/\([^)]*\)?|\[[^\]]*\]?/g, ' ')
    .split(/\s+/)
    .map((w) => Array.from(w.matchAll(/\p{L}/gu), (m) => m[0]).join(''))
    .filter(Boolean)
  if (words.length === 0) return '?'
  const first = Array.from(words[0])
  if (words.length === 1) return first.slice(0, 2).join('').toUpperCase()
  return (first[0] + Array.from(words[words.length - 1])[0]).toUpperCase()
}
