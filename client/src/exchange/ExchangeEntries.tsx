import { lazy, Suspense, useState } from 'react'
import type { TimelineState } from '../views/timeline/useTimeline.js'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import { viewWindow } from './exportScope.js'
import type { ViewWindow } from './exportScope.js'

// Rarely used, and they carry the renderer and the CSV parser: loaded on first use.
const ExportDialog = lazy(() =>
  import('./ExportDialog.js').then((m) => ({ default: m.ExportDialog })),
)
const CsvImportDialog = lazy(() =>
  import('./CsvImportDialog.js').then((m) => ({ default: m.CsvImportDialog })),
)

/** The timeline toolbar's Export (everyone) and Import CSV (editors) entries. */
export function ExchangeEntries({ tl }: { tl: TimelineState }) {
  const [open, setOpen] = useState<
    null | { kind: 'export'; view: ViewWindow } | { kind: 'import' }
  >(null)
  const { props } = tl
  return (
    <>
      {props.readOnly ? null : (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => setOpen({ kind: 'import' })}
          title="Import features and items from a CSV file"
        >
          <Icon name="upload" size={14} /> <span className="tl-toolbar__label">Import</span>
        </Button>
      )}
      <Button
        size="sm"
        variant="ghost"
        onClick={() => setOpen({ kind: 'export', view: viewWindow(tl) })}
        title="Export as PNG, SVG or PDF"
      >
        <Icon name="download" size={14} /> <span className="tl-toolbar__label">Export</span>
      </Button>
      <Suspense fallback={null}>
        {open?.kind === 'export' ? (
          <ExportDialog
            roadmapId={props.roadmapId}
            token={props.token}
            data={props.data}
            today={props.today}
            view={open.view}
            onClose={() => setOpen(null)}
          />
        ) : null}
        {open?.kind === 'import' ? (
          <CsvImportDialog
            into={{ roadmap: props.roadmap, data: props.data }}
            onClose={() => setOpen(null)}
          />
        ) : null}
      </Suspense>
    </>
  )
}
