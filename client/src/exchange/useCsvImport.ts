// The CSV import dialog's state: the file read, parsed and planned (off the main thread, with
// progress), the column mapping, the plan the preview shows, and the import itself — into
// this roadmap one `appendEntities` transaction with the session's undo-tracked origin, so
// one Undo removes it; into a new roadmap (the only target from the home page) by the API.
import { useMemo, useRef, useState } from 'react'
import { appendEntities } from '@meridian/model'
import type { Roadmap, RoadmapData } from '@meridian/model'
import { planCsvImport } from '@meridian/exchange'
import type { CsvField, CsvPlan, CsvTable, DateOrder, ImportStatus } from '@meridian/exchange'
import { loadLocalUser } from '../sync/localUser.js'
import { importAsNewRoadmap } from './importAsNew.js'
import { overall, parseCsvOffThread } from './csvParse.js'
import type { ParseProgress } from './csvParse.js'

export const IMPORT_STEP = { source: 'source', mapping: 'mapping', preview: 'preview' } as const
export type ImportStep = (typeof IMPORT_STEP)[keyof typeof IMPORT_STEP]

export const IMPORT_TARGET = { here: 'here', newRoadmap: 'new' } as const
export type ImportTarget = (typeof IMPORT_TARGET)[keyof typeof IMPORT_TARGET]

/** Files beyond this are refused before reading (the row limit would refuse them anyway). */
export const MAX_FILE_BYTES = 32 * 1024 * 1024

function readFile(file: File, onProgress: (p: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total)
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'))
    reader.readAsText(file)
  })
}

/** Into `into` (a roadmap open in the editor), or null: only as a new roadmap. */
export function useCsvImport(into: { roadmap: Roadmap; data: RoadmapData } | null) {
  const data = into?.data ?? null
  const [step, setStep] = useState<ImportStep>('source')
  const [table, setTable] = useState<CsvTable | null>(null)
  const [text, setText] = useState('')
  const [target, setTarget] = useState<ImportTarget>(into ? 'here' : 'new')
  const [newTitle, setNewTitle] = useState('')
  const [fileName, setFileName] = useState('')
  const [progress, setProgress] = useState<ParseProgress | null>(null)
  /** The worker's plan for the suggested mapping, used until the mapping changes. */
  const first = useRef<{ key: unknown[]; plan: CsvPlan } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [fields, setFields] = useState<CsvField[]>([])
  const [statuses, setStatuses] = useState<Record<string, ImportStatus>>({})
  const [dateOrder, setDateOrder] = useState<DateOrder>('mdy')
  const [defaultLane, setDefaultLane] = useState('Imported')
  const [skipErrors, setSkipErrors] = useState(false)

  const plan = useMemo(() => {
    if (!table) return null
    const key = [table, fields, statuses, dateOrder, defaultLane, data]
    const f = first.current
    if (f && f.key.every((k, i) => k === key[i])) return f.plan
    return planCsvImport(table, { fields, statuses, dateOrder, defaultLane }, data)
  }, [table, fields, statuses, dateOrder, defaultLane, data])

  async function load(text: string, name: string) {
    setError(null)
    setProgress((p) => p ?? overall('parse', 0))
    const r = await parseCsvOffThread(text, data, defaultLane, setProgress)
    setProgress(null)
    if (!r.ok) {
      setError(`This file cannot be imported: ${r.error}.`)
      return
    }
    if (r.table.rows.length === 0) {
      setError('This file has a header row but no rows.')
      return
    }
    first.current = {
      key: [r.table, r.fields, statuses, dateOrder, defaultLane, data],
      plan: r.plan,
    }
    setTable(r.table)
    setText(text)
    setFileName(name)
    setNewTitle(
      name
        .replace(/\.csv$/i, '')
        .replace(/[-_]+/g, ' ')
        .trim() || 'Imported roadmap',
    )
    setFields(r.fields)
    setStep('mapping')
  }

  async function loadFile(file: File) {
    if (file.size > MAX_FILE_BYTES) {
      setError(`This file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`)
      return
    }
    setProgress(overall('read', 0))
    try {
      const text = await readFile(file, (share) => setProgress(overall('read', share)))
      await load(text, file.name)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
      setProgress(null)
    }
  }

  /** Writes the plan; returns how many features and items were created. */
  function commit(): { features: number; items: number } | null {
    if (!into || !plan || (plan.errors.length > 0 && !skipErrors)) return null
    const r = appendEntities(into.roadmap.doc, into.roadmap.origin, {
      ...plan.input,
      acceptance: { by: loadLocalUser().name, at: new Date().toISOString() },
    })
    return { features: r.features, items: r.items }
  }

  /** Into a new roadmap (through the API); resolves to an error message, or null once there. */
  async function commitNew(): Promise<string | null> {
    if (!table || !plan || (plan.errors.length > 0 && !skipErrors)) return 'Nothing to import.'
    return importAsNewRoadmap({
      title: newTitle,
      csv: text,
      headers: table.headers,
      fields,
      statuses,
      dateOrder,
      defaultLane,
      skipErrors,
    })
  }

  return {
    /** false from the home page: the file can only become a new roadmap */
    canImportHere: into !== null,
    lanes: data?.lanes ?? [],
    target,
    setTarget,
    newTitle,
    setNewTitle,
    commitNew,
    step,
    setStep,
    table,
    fileName,
    progress,
    error,
    fields,
    setField: (i: number, f: CsvField) => setFields((all) => all.map((x, j) => (j === i ? f : x))),
    statuses,
    setStatus: (name: string, s: ImportStatus) => setStatuses((all) => ({ ...all, [name]: s })),
    dateOrder,
    setDateOrder,
    defaultLane,
    setDefaultLane,
    skipErrors,
    setSkipErrors,
    plan,
    load,
    loadFile,
    commit,
  }
}

export type CsvImportState = ReturnType<typeof useCsvImport>
