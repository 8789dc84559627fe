// A stable colour for a person known only by name (comment authors, mentioned people).
import { PERSON_COLORS } from '../ui/palette.js'

export function personColor(name: string): string {
  let h = 0
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) | 0
  return PERSON_COLORS[Math.abs(h) % PERSON_COLORS.length]
}
