import { useEditorState } from '@tiptap/react'
import type { Editor } from '@tiptap/react'

interface Tool {
  id: string
  label: string
  glyph: string
  active(e: Editor): boolean
  run(e: Editor): void
}

const TOOLS: Tool[][] = [
  [
    {
      id: 'h1',
      label: 'Heading',
      glyph: 'H1',
      active: (e) => e.isActive('heading', { level: 1 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 1 }).run(),
    },
    {
      id: 'h2',
      label: 'Subheading',
      glyph: 'H2',
      active: (e) => e.isActive('heading', { level: 2 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    },
  ],
  [
    {
      id: 'bold',
      label: 'Bold (Ctrl+B)',
      glyph: 'B',
      active: (e) => e.isActive('bold'),
      run: (e) => e.chain().focus().toggleBold().run(),
    },
    {
      id: 'italic',
      label: 'Italic (Ctrl+I)',
      glyph: 'I',
      active: (e) => e.isActive('italic'),
      run: (e) => e.chain().focus().toggleItalic().run(),
    },
    {
      id: 'strike',
      label: 'Strikethrough',
      glyph: 'S',
      active: (e) => e.isActive('strike'),
      run: (e) => e.chain().focus().toggleStrike().run(),
    },
  ],
  [
    {
      id: 'bullets',
      label: 'Bulleted list',
      glyph: '•',
      active: (e) => e.isActive('bulletList'),
      run: (e) => e.chain().focus().toggleBulletList().run(),
    },
    {
      id: 'numbers',
      label: 'Numbered list',
      glyph: '1.',
      active: (e) => e.isActive('orderedList'),
      run: (e) => e.chain().focus().toggleOrderedList().run(),
    },
    {
      id: 'quote',
      label: 'Quote',
      glyph: '“',
      active: (e) => e.isActive('blockquote'),
      run: (e) => e.chain().focus().toggleBlockquote().run(),
    },
  ],
]

/** Formatting toolbar: buttons reflect the marks and blocks at the selection. */
export function Toolbar({ editor }: { editor: Editor }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      Object.fromEntries(TOOLS.flat().map((t) => [t.id, t.active(e)])) as Record<string, boolean>,
  })
  return (
    <div className="st-toolbar" role="toolbar" aria-label="Formatting">
      {TOOLS.map((group, i) => (
        <div className="st-toolbar__group" key={i}>
          {group.map((tool) => (
            <button
              key={tool.id}
              type="button"
              className={`st-tool st-tool--${tool.id}`}
              aria-label={tool.label}
              title={tool.label}
              aria-pressed={active[tool.id] ?? false}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => tool.run(editor)}
            >
              {tool.glyph}
            </button>
          ))}
        </div>
      ))}
    </div>
  )
}
