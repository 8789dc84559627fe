import { useState } from 'react'
import type { Roadmap, RoadmapData } from '@meridian/model'
import { Dialog } from '../ui/Dialog.js'
import { Button } from '../ui/Button.js'
import { plural } from '../lib/plural.js'
import { useCsvImport } from './useCsvImport.js'
import { CsvSourceStep } from './CsvSourceStep.js'
import { CsvMappingStep } from './CsvMappingStep.js'
import { CsvPreviewStep } from './CsvPreviewStep.js'
import './exchange.css'

const STEPS = ['source', 'mapping', 'preview'] as const
const STEP_LABEL = { source: 'File', mapping: 'Columns', preview: 'Preview' } as const

/**
 * CSV (Jira, Linear, a spreadsheet) into this roadmap or a new one: file, column mapping,
 * preview, import. Without `into` (the home page) the file becomes a new roadmap.
 */
export function CsvImportDialog({
  into,
  onClose,
}: {
  into: { roadmap: Roadmap; data: RoadmapData } | null
  onClose(): void
}) {
  const s = useCsvImport(into)
  const [done, setDone] = useState<string | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const plan = s.plan
  const blocked =
    !plan ||
    (plan.errors.length > 0 && !s.skipErrors) ||
    plan.input.features.length + plan.input.items.length === 0
  const footer = done ? (
    <Button variant="primary" onClick={onClose}>
      Done
    </Button>
  ) : (
    <>
      {s.step !== 'source' ? (
        <Button onClick={() => s.setStep(s.step === 'preview' ? 'mapping' : 'source')}>Back</Button>
      ) : null}
      <Button onClick={onClose}>Cancel</Button>
      {s.step === 'mapping' ? (
        <Button variant="primary" onClick={() => s.setStep('preview')}>
          Preview
        </Button>
      ) : null}
      {s.step === 'preview' && plan ? (
        <Button
          variant="primary"
          disabled={blocked || busy}
          onClick={() => {
            if (s.target === 'new') {
              setBusy(true)
              void s.commitNew().then((error) => {
                setBusy(false)
                setFailed(error)
                if (!error) onClose()
              })
              return
            }
            const r = s.commit()
            if (r)
              setDone(
                `Imported ${plural(r.features, 'feature')} and ${plural(r.items, 'backlog item')}. Undo (Ctrl+Z) removes the whole import.`,
              )
          }}
        >
          {busy
            ? 'Creating the roadmap…'
            : `${into ? 'Import' : 'Create roadmap with'} ${plural(plan.input.features.length + plan.input.items.length, 'entity', 'entities')}`}
        </Button>
      ) : null}
    </>
  )
  return (
    <Dialog
      title={into ? 'Import from CSV' : 'New roadmap from CSV'}
      description="Jira, Linear or any spreadsheet: epics become features, stories and tasks their backlog items."
      onClose={onClose}
      width={820}
      footer={footer}
    >
      <ol className="xc-steps" aria-label="Steps">
        {STEPS.map((step, i) => (
          <li key={step} aria-current={s.step === step ? 'step' : undefined}>
            <span className="xc-steps__n">{i + 1}</span> {STEP_LABEL[step]}
          </li>
        ))}
      </ol>
      {done ? (
        <p className="xc-done" role="status">
          {done}
        </p>
      ) : s.step === 'source' ? (
        <CsvSourceStep s={s} />
      ) : s.step === 'mapping' ? (
        <CsvMappingStep s={s} />
      ) : (
        <CsvPreviewStep s={s} />
      )}
      {failed ? (
        <p className="xc-error" role="alert">
          The import failed: {failed}
        </p>
      ) : null}
    </Dialog>
  )
}
