// "PDF" for a recap: the server's recap.pdf (GET …/sessions/:sessionId/recap.pdf), built from
// the same recap the dialog and the report show.
import { useState } from 'react'
import { fetchFile, saveBlob, slug } from '../exchange/download.js'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'

export function RecapPdfButton({
  roadmapId,
  token,
  sessionId,
  title,
  className,
}: {
  roadmapId: string
  token: string
  sessionId: string
  title: string
  className?: string
}) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle')
  const path = `/api/roadmaps/${encodeURIComponent(roadmapId)}/sessions/${encodeURIComponent(sessionId)}/recap.pdf`
  return (
    <Button
      className={className}
      size={className ? 'sm' : 'md'}
      variant={className ? 'ghost' : 'default'}
      disabled={state === 'busy'}
      title={
        state === 'failed' ? 'The PDF could not be made; try again' : 'Download the recap as a PDF'
      }
      onClick={() => {
        setState('busy')
        void fetchFile(path, token).then((r) => {
          if (r.ok) saveBlob(r.value, `${slug(title)}-recap.pdf`)
          setState(r.ok ? 'idle' : 'failed')
        })
      }}
    >
      <Icon name="download" size={14} />{' '}
      {state === 'busy' ? 'Preparing…' : state === 'failed' ? 'PDF failed — retry' : 'PDF'}
    </Button>
  )
}
