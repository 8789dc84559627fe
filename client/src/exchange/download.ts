// Files the browser saves: a blob made here, or one the server draws (PDFs), fetched with
// the session's token so it never appears in a URL the browser keeps.
import type { ApiResult } from '../sync/api.js'
import { apiError } from '../sync/api.js'

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  // The download has started from the URL by now; keep it a moment for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export async function fetchFile(path: string, token: string): Promise<ApiResult<Blob>> {
  let res: Response
  try {
    res = await fetch(path, { headers: { authorization: `Bearer ${token}` } })
  } catch (e) {
    return {
      ok: false,
      status: 0,
      code: 'network',
      message: e instanceof Error ? e.message : 'Network error',
    }
  }
  if (!res.ok) return apiError(res.status, await res.json().catch(() => null), res.statusText)
  return { ok: true, value: await res.blob() }
}

/** A file name from the roadmap's title: `Atlas — Q3 plan` → `atlas-q3-plan`. */
export function slug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'roadmap'
  )
}
