// Printing the timeline: a landscape page holding the date range that is on screen. The
// print stylesheet lays the timeline out at the window's width (--tl-print-width), wider
// than the paper, and Chrome shrinks the page to fit it. That keeps the scroll position:
// zooming the timeline instead (CSS zoom, as this did first) keeps the scroll offset in
// device pixels, so the page printed dates right of the ones on screen. Chrome shrinks by
// at most 2×, so a window wider than twice the paper prints its first 2 × paper width.
// The landscape @page rule exists only while the timeline is shown (other views, such as
// the report, print portrait), and is important so that it wins over an unnamed @page of
// a stylesheet loaded later.
import { useEffect } from 'react'

/** Printable width of a landscape Letter page (the narrower of Letter and A4) at 8 mm margins. */
const PRINTABLE_PX = 1056 - 2 * 30

export function usePrintFit(): void {
  useEffect(() => {
    const root = document.documentElement
    const update = () =>
      root.style.setProperty(
        '--tl-print-width',
        `${Math.min(2 * PRINTABLE_PX, Math.max(PRINTABLE_PX, window.innerWidth))}px`,
      )
    update()
    const page = document.createElement('style')
    page.dataset.timelinePrint = ''
    page.textContent = '@media print { @page { size: landscape !important; margin: 8mm; } }'
    document.head.append(page)
    window.addEventListener('resize', update)
    return () => {
      window.removeEventListener('resize', update)
      root.style.removeProperty('--tl-print-width')
      page.remove()
    }
  }, [])
}
