// The printed timeline's measurements (CSS px), and its colours: the timeline view's tokens
// (client/src/ui/tokens.css, client/src/views/timeline/bars.css) so an export looks like it.
import type { FeatureStatus, Health } from '@meridian/model'

export const GEOMETRY = {
  margin: 28,
  headerH: 56,
  axisH: 40,
  globalStripH: 24,
  legendH: 30,
  labelW: 184,
  rowH: 30,
  barH: 22,
  barPadX: 8,
  barGap: 6,
  barFont: 11.5,
  lanePad: 6,
  laneMinH: 48,
  laneStripH: 22,
} as const

export const FONT_FAMILY = "'DejaVu Sans', Inter, 'Helvetica Neue', Arial, sans-serif"

export const COLOR = {
  text: '#1b1d23',
  text2: '#4a4f5c',
  text3: '#7a7f8c',
  border: '#e4e5ea',
  borderStrong: '#d0d2da',
  surface: '#ffffff',
  sunken: '#f7f7f9',
  today: '#e5484d',
  milestone: '#1b1d23',
  arrow: '#8b93a7',
  conflict: '#dc2626',
} as const

export const BAR_COLORS: Record<FeatureStatus, { bg: string; border: string; text: string }> = {
  planned: { bg: '#eceef3', border: '#d5d9e3', text: '#353a48' },
  'in-progress': { bg: '#e4ecff', border: '#bfd0fb', text: '#1f3f9c' },
  done: { bg: '#dff5ea', border: '#b5e3cb', text: '#136041' },
  cancelled: { bg: '#f1f2f4', border: '#dfe1e6', text: '#8a8f9c' },
}

export const HEALTH_COLOR: Record<Health, string> = {
  'on-track': '#22a06b',
  'at-risk': '#e8a317',
  'off-track': '#e5484d',
}

export const STATUS_LABEL: Record<FeatureStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
}

export const HEALTH_LABEL: Record<Health, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
}
