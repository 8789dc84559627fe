// Printing the timeline: a landscape page, laid out at the paper's width, which is
// narrower than most screens: the print stylesheet zooms the timeline by --tl-print-zoom
// so the page holds the window's whole date range. The landscape @page rule exists only
// while the timeline is shown (other views, such as the report, print portrait), and is
// important so that it wins over an unnamed @page of a stylesheet loaded later.
import { useEffect } from 'react'

/** Printable width of a landscape Letter page (the narrower of Letter and A4) at 8 mm margins. */
const PRINTABLE_PX = 1056 - 2 * 30

export function usePrintFit(): void {
  useEffect(() => {
    const root = document.documentElement
    const update = () =>
      root.style.setProperty(
        '--tl-print-zoom',
        String(Math.min(1, PRINTABLE_PX / Math.max(1, window.innerWidth))),
      )
    update()
    const page = document.createElement('style')
    page.dataset.timelinePrint = ''
    page.textContent = '@media print { @page { size: landscape !important; margin: 8mm; } }'
    document.head.append(page)
    window.addEventListener('resize', update)
    return () => {
      window.removeEventListener('resize', update)
      root.style.removeProperty('--tl-print-zoom')
      page.remove()
    }
  }, [])
}
