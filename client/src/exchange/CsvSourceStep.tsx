import { useId, useState } from 'react'
import { Button } from '../ui/Button.js'
import { TextArea } from '../ui/Field.js'
import { Icon } from '../ui/Icon.js'
import type { CsvImportState } from './useCsvImport.js'
import { PARSE_PHASE_LABEL } from './csvParse.js'

/** Step 1: a file (chosen or dropped) or pasted text. */
export function CsvSourceStep({ s }: { s: CsvImportState }) {
  const [text, setText] = useState('')
  const [over, setOver] = useState(false)
  const fileId = useId()
  const pasteId = useId()
  return (
    <div className="xc-source">
      <label
        htmlFor={fileId}
        className={`xc-drop${over ? ' xc-drop--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault()
          setOver(false)
          const file = e.dataTransfer.files[0]
          if (file) void s.loadFile(file)
        }}
      >
        <Icon name="upload" size={22} />
        <strong>Choose a CSV file</strong>
        <span className="xc-muted">
          or drop it here · Jira: Filters → Export → CSV (all fields)
        </span>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          className="sr-only"
          data-testid="csv-file"
          onChange={(e) => {
            const file = e.target.files?.[0]
            if (file) void s.loadFile(file)
          }}
        />
      </label>
      {s.progress !== null ? (
        <div className="xc-progress-wrap">
          <div
            className="xc-progress"
            role="progressbar"
            aria-label="Loading the file"
            aria-valuetext={`${PARSE_PHASE_LABEL[s.progress.phase]}: ${Math.round(s.progress.share * 100)}%`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(s.progress.share * 100)}
          >
            <div className="xc-progress__fill" style={{ width: `${s.progress.share * 100}%` }} />
          </div>
          <span className="xc-muted" aria-hidden="true">
            {PARSE_PHASE_LABEL[s.progress.phase]}… {Math.round(s.progress.share * 100)}%
          </span>
        </div>
      ) : null}
      <label className="field__label" htmlFor={pasteId}>
        Or paste CSV
      </label>
      <TextArea
        id={pasteId}
        rows={6}
        value={text}
        placeholder={
          'Summary,Start date,Due date,Status\nCheckout redesign,2026-03-02,2026-04-30,In Progress'
        }
        onChange={(e) => setText(e.target.value)}
        className="xc-paste"
      />
      <div className="xc-row">
        <Button
          disabled={!text.trim() || s.progress !== null}
          onClick={() => void s.load(text, 'pasted text')}
        >
          Use pasted text
        </Button>
      </div>
      {s.error ? (
        <p className="xc-error" role="alert">
          {s.error}
        </p>
      ) : null}
    </div>
  )
}
