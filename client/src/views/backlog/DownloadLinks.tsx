/** The server's derived backlog as files: same derivation, so the rows match this view. */
export function DownloadLinks({ roadmapId, token }: { roadmapId: string; token: string }) {
  const href = (format: 'csv' | 'md'): string =>
    `/api/roadmaps/${encodeURIComponent(roadmapId)}/backlog?format=${format}&token=${encodeURIComponent(token)}`
  return (
    <div className="bl-downloads">
      <a
        className="btn btn--sm"
        href={href('csv')}
        download={`backlog-${roadmapId}.csv`}
        data-testid="backlog-csv"
      >
        CSV
      </a>
      <a
        className="btn btn--sm"
        href={href('md')}
        download={`backlog-${roadmapId}.md`}
        data-testid="backlog-md"
      >
        Markdown
      </a>
    </div>
  )
}
