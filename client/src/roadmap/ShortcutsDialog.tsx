import { Dialog } from '../ui/Dialog.js'

const GROUPS = [
  {
    title: 'Timeline',
    keys: [
      ['Tab', '↑', '↓'],
      ['←', '→'],
      ['Shift', '←', '→'],
      ['Alt', '↑', '↓'],
      ['↑', '↓'],
      ['Enter'],
      ['Delete'],
      ['N'],
      ['Esc'],
    ],
    what: [
      'Select the next or previous feature',
      'Move the selected feature by a day',
      'Move it by a week',
      'Move it to the lane above or below',
      'On a lane’s grip (Tab to it): move the lane up or down',
      'Open its details',
      'Delete it (undoable)',
      'New feature',
      'Deselect, close the panel',
    ],
  },
  {
    title: 'Now–Next–Later',
    keys: [['↑', '↓', '←', '→'], ['Alt', '←', '→'], ['F2'], ['Enter']],
    what: [
      'Move between cards',
      'Move the card to another column',
      'Rename it',
      'Open its details',
    ],
  },
  {
    title: 'History',
    keys: [
      ['Alt', 'Shift', 'H'],
      ['Alt', 'Shift', 'S'],
      ['Alt', 'Shift', 'B'],
    ],
    what: ['Open the history', 'Name a snapshot of now', 'Show or hide the baseline'],
  },
  {
    title: 'Everywhere',
    keys: [['Ctrl', 'Z'], ['Ctrl', 'Shift', 'Z'], ['F'], ['?']],
    what: [
      'Undo your last edit',
      'Redo',
      'In a planning session: step out of following the facilitator, or back in',
      'Show these shortcuts',
    ],
  },
] as const

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      description="Everything in Meridian works without a mouse."
      onClose={onClose}
    >
      {GROUPS.map((group) => (
        <section key={group.title} className="shortcuts">
          <h3 className="shortcuts__title">{group.title}</h3>
          <dl className="shortcuts__list">
            {group.keys.map((keys, i) => (
              <div key={group.what[i]} className="shortcuts__row">
                <dt>
                  {keys.map((k) => (
                    <span key={k} className="kbd">
                      {k}
                    </span>
                  ))}
                </dt>
                <dd>{group.what[i]}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  )
}
