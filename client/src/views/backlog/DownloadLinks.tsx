import { backlogFileName } from '@meridian/model'
import type { IsoDate } from '@meridian/model'

type Download = { format: 'csv' | 'md'; shape?: 'items' | 'features' }

/**
 * The server's derived backlog as files: same derivation, so the rows match this view.
 * Two CSV shapes: one row per item (what spreadsheets filter and pivot) and one row per
 * feature (the rows of this view). Files are named after the roadmap and the day.
 */
export function DownloadLinks({
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
  const href = ({ format, shape }: Download): string =>
    `/api/roadmaps/${encodeURIComponent(roadmapId)}/backlog?format=${format}${shape ? `&shape=${shape}` : ''}&today=${today}&token=${encodeURIComponent(token)}`
  const link = (download: Download, label: string, testId: string, hint: string) => (
    <a
      className="btn btn--sm"
      href={href(download)}
      download={backlogFileName(title, today, download.format, download.shape)}
      data-testid={testId}
      title={hint}
    >
      {label}
    </a>
  )
  return (
    <div className="bl-downloads" role="group" aria-label="Download the backlog">
      {link(
        { format: 'csv', shape: 'items' },
        'CSV by item',
        'backlog-csv-items',
        'One row per backlog item, with its feature’s columns',
      )}
      {link(
        { format: 'csv' },
        'CSV by feature',
        'backlog-csv',
        'One row per feature, as listed here',
      )}
      {link(
        { format: 'md' },
        'Markdown',
        'backlog-md',
        'A summary table and a checklist per feature',
      )}
    </div>
  )
}
