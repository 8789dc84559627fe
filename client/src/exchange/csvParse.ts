// The CSV read and first plan in a Web Worker (csvWorker.ts), as a promise with progress.
import type { CsvField, CsvPlan, CsvTable } from '@meridian/exchange'
import type { RoadmapData } from '@meridian/model'

export const PARSE_PHASE = { read: 'read', parse: 'parse', plan: 'plan' } as const
export type ParsePhase = (typeof PARSE_PHASE)[keyof typeof PARSE_PHASE]

export const PARSE_PHASE_LABEL: Record<ParsePhase, string> = {
  read: 'Reading the file',
  parse: 'Reading rows',
  plan: 'Building the preview',
}

/** Where each phase sits on the one progress bar. */
const SPAN: Record<ParsePhase, [number, number]> = {
  read: [0, 0.3],
  parse: [0.3, 0.75],
  plan: [0.75, 1],
}

export interface ParseProgress {
  phase: ParsePhase
  /** of the whole load, 0–1 */
  share: number
}

export const overall = (phase: ParsePhase, share: number): ParseProgress => {
  const [from, to] = SPAN[phase]
  return { phase, share: from + (to - from) * Math.min(1, Math.max(0, share)) }
}

export type CsvWorkerMessage =
  | { kind: 'progress'; phase: 'parse' | 'plan'; share: number }
  | { kind: 'failed'; error: string }
  | { kind: 'done'; table: CsvTable; fields: CsvField[]; plan: CsvPlan }

export type ParsedCsv =
  { ok: true; table: CsvTable; fields: CsvField[]; plan: CsvPlan } | { ok: false; error: string }

export function parseCsvOffThread(
  text: string,
  existing: RoadmapData | null,
  defaultLane: string,
  onProgress: (p: ParseProgress) => void,
): Promise<ParsedCsv> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module' })
    const finish = (r: ParsedCsv) => {
      worker.terminate()
      resolve(r)
    }
    worker.onmessage = (e: MessageEvent<CsvWorkerMessage>) => {
      const m = e.data
      switch (m.kind) {
        case 'progress':
          onProgress(overall(m.phase, m.share))
          return
        case 'failed':
          return finish({ ok: false, error: m.error })
        case 'done':
          return finish({ ok: true, table: m.table, fields: m.fields, plan: m.plan })
        default: {
          const never: never = m
          throw new Error(`unknown worker message ${JSON.stringify(never)}`)
        }
      }
    }
    worker.onerror = (e) => finish({ ok: false, error: e.message || 'the file could not be read' })
    worker.postMessage({ text, existing, defaultLane })
  })
}
