import { useState } from 'react'
import type { IsoDate } from '@meridian/model'
import { fetchFile, saveBlob, slug } from './download.js'

/** The report view's "Download PDF": the server's report.pdf, the same figures as the view. */
export function ReportPdfButton({
  roadmapId,
  token,
  title,
  today,
}: {
  roadmapId: string
  token: string
  title: string
  today: IsoDate
}) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle')
  return (
    <button
      type="button"
      className="btn"
      disabled={state === 'busy'}
      title={
        state === 'failed' ? 'The PDF could not be made; try again' : 'Download the report as a PDF'
      }
      onClick={() => {
        setState('busy')
        void fetchFile(
          `/api/roadmaps/${encodeURIComponent(roadmapId)}/report.pdf?today=${today}`,
          token,
        ).then((r) => {
          if (r.ok) saveBlob(r.value, `${slug(title)}-report.pdf`)
          setState(r.ok ? 'idle' : 'failed')
        })
      }}
    >
      {state === 'busy'
        ? 'Preparing PDF…'
        : state === 'failed'
          ? 'PDF failed — retry'
          : 'Download PDF'}
    </button>
  )
}
