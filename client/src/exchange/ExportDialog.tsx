import { useMemo, useState } from 'react'
import type { IsoDate, RoadmapData } from '@meridian/model'
import { PAGE_SIZE, renderTimeline } from '@meridian/exchange'
import type { PageSizeName } from '@meridian/exchange'
import { Dialog } from '../ui/Dialog.js'
import { Button } from '../ui/Button.js'
import { Field, Select } from '../ui/Field.js'
import { Icon } from '../ui/Icon.js'
import { formatDay } from '@meridian/model'
import { plural } from '../lib/plural.js'
import { EXPORT_SCOPE, renderOptions, renderQuery } from './exportScope.js'
import type { ExportScope, ViewWindow } from './exportScope.js'
import { fetchFile, saveBlob, slug } from './download.js'
import { svgToPng } from './rasterize.js'
import './exchange.css'

export const EXPORT_FORMAT = { png: 'png', svg: 'svg', pdf: 'pdf' } as const
export type ExportFormat = (typeof EXPORT_FORMAT)[keyof typeof EXPORT_FORMAT]

export interface ExportDialogProps {
  roadmapId: string
  token: string
  data: RoadmapData
  today: IsoDate
  view: ViewWindow
  onClose(): void
}

/** The timeline as a PNG, SVG or PDF for slides and paper, drawn by @meridian/exchange. */
export function ExportDialog({ roadmapId, token, data, today, view, onClose }: ExportDialogProps) {
  const [format, setFormat] = useState<ExportFormat>('png')
  const [size, setSize] = useState<PageSizeName>('slide')
  const [scope, setScope] = useState<ExportScope>('view')
  const [keepZoom, setKeepZoom] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const options = useMemo(
    () => renderOptions(scope, view, size, keepZoom, today, data),
    [scope, view, size, keepZoom, today, data],
  )
  const rendered = useMemo(() => renderTimeline(data, options), [data, options])
  const preview = useMemo(
    () => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(rendered.pages[0])}`,
    [rendered],
  )
  const name = slug(data.meta.title)

  async function download() {
    setBusy(true)
    setError(null)
    try {
      const many = rendered.pages.length > 1
      if (format === 'pdf') {
        const r = await fetchFile(
          `/api/roadmaps/${encodeURIComponent(roadmapId)}/timeline.pdf?${renderQuery(options)}`,
          token,
        )
        if (!r.ok) throw new Error(r.message)
        saveBlob(r.value, `${name}.pdf`)
      } else
        for (const [i, svg] of rendered.pages.entries()) {
          const file = `${name}${many ? `-${i + 1}` : ''}.${format}`
          const blob =
            format === 'svg'
              ? new Blob([svg], { type: 'image/svg+xml' })
              : await svgToPng(svg, rendered.width, rendered.height)
          saveBlob(blob, file)
        }
      onClose()
    } catch (e) {
      setError(`The export failed: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="Export timeline"
      description="For slides, documents and print. Text stays text in SVG and PDF."
      onClose={onClose}
      width={720}
      footer={
        <>
          <span className="xc-muted" data-testid="export-pages">
            {plural(rendered.pages.length, 'page')}
            {rendered.pages.length > 1 && format !== 'pdf'
              ? ` · ${rendered.pages.length} files`
              : ''}
          </span>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={() => void download()} disabled={busy}>
            <Icon name="download" size={14} />{' '}
            {busy ? 'Exporting…' : `Download ${format.toUpperCase()}`}
          </Button>
        </>
      }
    >
      <div className="xc-export">
        <div className="xc-export__form">
          <div className="field">
            <span className="field__label" id="xc-format">
              Format
            </span>
            <div className="segmented" role="group" aria-labelledby="xc-format">
              {Object.values(EXPORT_FORMAT).map((f) => (
                <button
                  key={f}
                  type="button"
                  aria-pressed={format === f}
                  onClick={() => setFormat(f)}
                >
                  {f.toUpperCase()}
                </button>
              ))}
            </div>
          </div>
          <Field label="Page size">
            {(id) => (
              <Select
                id={id}
                value={size}
                onChange={(e) => setSize(e.target.value as PageSizeName)}
              >
                {Object.entries(PAGE_SIZE).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <fieldset className="xc-choice">
            <legend className="field__label">Content</legend>
            <label className="xc-radio">
              <input
                type="radio"
                name="xc-scope"
                checked={scope === EXPORT_SCOPE.view}
                onChange={() => setScope('view')}
              />
              <span>
                What you see
                <small>
                  {formatDay(view.start)} – {formatDay(view.end)} ·{' '}
                  {plural(view.laneIds.length, 'lane')}
                  {view.collapsed > 0
                    ? ` · ${plural(view.collapsed, 'collapsed lane')} left out`
                    : ''}
                </small>
              </span>
            </label>
            <label className="xc-radio">
              <input
                type="radio"
                name="xc-scope"
                checked={scope === EXPORT_SCOPE.all}
                onChange={() => setScope('all')}
              />
              <span>
                The whole roadmap
                <small>
                  {plural(data.features.length, 'feature')} in {plural(data.lanes.length, 'lane')}
                </small>
              </span>
            </label>
            {scope === EXPORT_SCOPE.all ? (
              <label className="xc-check">
                <input
                  type="checkbox"
                  checked={keepZoom}
                  onChange={(e) => setKeepZoom(e.target.checked)}
                />
                Keep the {view.zoomLabel.toLowerCase()} zoom (more pages)
              </label>
            ) : null}
          </fieldset>
          {error ? (
            <p className="xc-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <figure className="xc-preview">
          <img src={preview} alt="Preview of the first page" data-testid="export-preview" />
          <figcaption className="xc-muted">Page 1 of {rendered.pages.length}</figcaption>
        </figure>
      </div>
    </Dialog>
  )
}
